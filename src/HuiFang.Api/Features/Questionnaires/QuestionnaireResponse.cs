using HuiFang.Api.Common;
using HuiFang.Api.Domain.Feedback;
using HuiFang.Api.Domain.Questionnaires;
using HuiFang.Api.Domain.VisitTasks;

namespace HuiFang.Api.Features.Questionnaires;

/// <summary>A questionnaire's content (one version): what it asks and how the agent asks it.</summary>
/// <param name="Title">The title the customer reads.</param>
/// <param name="Intro">The introduction the customer reads before the questions, if any.</param>
/// <param name="Questions">The questions in the order they are asked.</param>
/// <param name="Script">The agent's opening and closing.</param>
public sealed record QuestionnaireContentResponse(LocalizedTextInput Title, LocalizedTextInput? Intro, IReadOnlyList<QuestionResponse> Questions, CallScriptInput Script)
{
    public static QuestionnaireContentResponse From(QuestionnaireContent c) => new(
        LocalizedTextInput.From(c.Title),
        c.Intro is null ? null : LocalizedTextInput.From(c.Intro),
        [.. c.Questions.Select(QuestionResponse.From)],
        new CallScriptInput(LocalizedTextInput.From(c.Script.Opening), LocalizedTextInput.From(c.Script.Closing)));
}

/// <summary>One question (see the request body for what each field means).</summary>
public sealed record QuestionResponse(
    string Key,
    QuestionKind Kind,
    bool Required,
    LocalizedTextInput Text,
    LocalizedTextInput? Script,
    FeedbackDimension? Dimension,
    FreeTextField? Field,
    IReadOnlyList<ChoiceOptionInput> Options)
{
    public static QuestionResponse From(Question q) => new(
        q.Key,
        q.Kind,
        q.Required,
        LocalizedTextInput.From(q.Text),
        q.Script is null ? null : LocalizedTextInput.From(q.Script),
        q.Dimension,
        q.Field,
        [.. q.Options.Select(o => new ChoiceOptionInput(o.Key, LocalizedTextInput.From(o.Label), o.Implies, o.Level))]);
}

/// <summary>A tenant's questionnaire with its current content.</summary>
/// <param name="Id">Questionnaire id.</param>
/// <param name="Name">Name for people.</param>
/// <param name="Purpose">The visit purpose it is for.</param>
/// <param name="ServiceType">Only tasks of this service type; null: all.</param>
/// <param name="Channel">Only tasks contacted through this channel; null: all.</param>
/// <param name="Status">Active (chosen for new tasks) or Retired.</param>
/// <param name="CurrentVersion">The number of the current content version; tasks pin the version current when they are planned.</param>
/// <param name="Content">The current version's content.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="RetiredAt">When it was retired, if it was.</param>
/// <param name="Version">Incremented on every change (a replacement or retiring); the ETag is this number in quotes.</param>
public sealed record QuestionnaireResponse(
    Guid Id,
    string Name,
    VisitPurpose Purpose,
    string? ServiceType,
    ContactChannel? Channel,
    QuestionnaireStatus Status,
    int CurrentVersion,
    QuestionnaireContentResponse Content,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? RetiredAt,
    int Version) : IVersioned
{
    public static QuestionnaireResponse From(Questionnaire q, QuestionnaireContent current) => new(
        q.Id, q.Name, q.Purpose, q.ServiceType, q.Channel, q.Status, q.CurrentVersion, QuestionnaireContentResponse.From(current), q.CreatedAt, q.UpdatedAt, q.RetiredAt, q.Version);
}

/// <summary>A questionnaire in a list (without its content).</summary>
public sealed record QuestionnaireSummary(
    Guid Id,
    string Name,
    VisitPurpose Purpose,
    string? ServiceType,
    ContactChannel? Channel,
    QuestionnaireStatus Status,
    int CurrentVersion,
    DateTimeOffset UpdatedAt,
    int Version);

/// <summary>One version of a questionnaire's content, as a task pinned it; it never changes.</summary>
/// <param name="QuestionnaireId">The questionnaire; null for the shipped default.</param>
/// <param name="Version">The version number.</param>
/// <param name="Name">The questionnaire's name (now).</param>
/// <param name="Content">What the version asks.</param>
/// <param name="CreatedAt">When the version was written; null for the shipped default.</param>
public sealed record QuestionnaireVersionResponse(Guid? QuestionnaireId, int Version, string Name, QuestionnaireContentResponse Content, DateTimeOffset? CreatedAt) : IVersioned;
