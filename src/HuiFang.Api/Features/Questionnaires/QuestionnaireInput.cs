using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.RegularExpressions;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Feedback;
using HuiFang.Api.Domain.Questionnaires;
using HuiFang.Api.Domain.VisitTasks;

namespace HuiFang.Api.Features.Questionnaires;

/// <summary>A text in both languages; both are required.</summary>
/// <param name="ZhCn">Simplified Chinese.</param>
/// <param name="En">English.</param>
public sealed record LocalizedTextInput([property: Required] string? ZhCn, [property: Required] string? En)
{
    public LocalizedText ToText() => new(ZhCn!.Trim(), En!.Trim());

    public static LocalizedTextInput From(LocalizedText text) => new(text.ZhCn, text.En);
}

/// <summary>One option of a choice question (or the <c>yes</c>/<c>no</c> of a yes/no question).</summary>
/// <param name="Key">The key answers name: a lowercase letter, then lowercase letters, digits, '-' or '_' (at most 40).</param>
/// <param name="Label">What the customer reads.</param>
/// <param name="Implies">The feedback category choosing it puts on the record: Praise, Suggestion, Complaint or Inquiry.</param>
/// <param name="Level">With Complaint (required there, refused elsewhere): General or Urgent.</param>
public sealed record ChoiceOptionInput(
    [property: Required] string? Key,
    [property: Required] LocalizedTextInput? Label,
    FeedbackCategory? Implies = null,
    ComplaintLevel? Level = null)
{
    public ChoiceOption ToOption() => new(Key!, Label!.ToText(), Implies, Level);
}

/// <summary>One question.</summary>
/// <param name="Key">The key answers name: a lowercase letter, then lowercase letters, digits, '-' or '_' (at most 40); unique in the questionnaire.</param>
/// <param name="Kind">OverallScore (exactly one, required: the feedback's score 1–5), DimensionScore (1–5, names a dimension), YesNo, SingleChoice, MultipleChoice (options), FreeText (names a field), Nps (0–10, at most one).</param>
/// <param name="Required">Whether an answer is required (default false; the overall score is always required).</param>
/// <param name="Text">The question as the customer reads it.</param>
/// <param name="Script">How the agent asks it on the call; the text when left out. May use the placeholders {serviceDate}, {serviceType} and {customer}.</param>
/// <param name="Dimension">DimensionScore only (required there): Attitude, Timeliness, Quality or Professionalism; each at most once.</param>
/// <param name="Field">FreeText only (required there): Comment, Suggestions or UnresolvedProblems; each at most once.</param>
/// <param name="Options">SingleChoice and MultipleChoice: 2–20 options with unique keys; YesNo: optionally the options "yes" and/or "no" (to imply a category); none for the other kinds.</param>
public sealed record QuestionInput(
    [property: Required] string? Key,
    [property: Required] QuestionKind? Kind,
    bool? Required = null,
    [property: Required] LocalizedTextInput? Text = null,
    LocalizedTextInput? Script = null,
    FeedbackDimension? Dimension = null,
    FreeTextField? Field = null,
    IReadOnlyList<ChoiceOptionInput>? Options = null)
{
    public Question ToQuestion() => new(
        Key!,
        Kind!.Value,
        Kind == QuestionKind.OverallScore || (Required ?? false),
        Text!.ToText(),
        Script?.ToText(),
        Dimension,
        Field,
        [.. (Options ?? []).Select(o => o.ToOption())]);
}

/// <summary>The agent's call script around the questions. Opening and closing may use the placeholders {serviceDate}, {serviceType} and {customer}.</summary>
/// <param name="Opening">What the agent says first (who calls, why, how long it takes).</param>
/// <param name="Closing">What the agent says last.</param>
public sealed record CallScriptInput([property: Required] LocalizedTextInput? Opening, [property: Required] LocalizedTextInput? Closing);

/// <summary>A questionnaire as a tenant administrator writes it: which tasks it is for, and what it asks.</summary>
/// <param name="Name">A name for people (at most 100 characters).</param>
/// <param name="Purpose">The visit purpose it is for (required).</param>
/// <param name="ServiceType">Only tasks of this service type (any letter case); all service types when left out.</param>
/// <param name="Channel">Only tasks contacted through this channel; all channels when left out.</param>
/// <param name="Title">The title the customer reads.</param>
/// <param name="Intro">An optional introduction the customer reads before the questions.</param>
/// <param name="Questions">1–30 questions, in the order they are asked; exactly one OverallScore.</param>
/// <param name="Script">The agent's opening and closing.</param>
public sealed record QuestionnaireInput(
    [property: Required] string? Name,
    [property: Required] VisitPurpose? Purpose,
    string? ServiceType = null,
    ContactChannel? Channel = null,
    [property: Required] LocalizedTextInput? Title = null,
    LocalizedTextInput? Intro = null,
    [property: Required] IReadOnlyList<QuestionInput>? Questions = null,
    [property: Required] CallScriptInput? Script = null)
{
    public QuestionnaireSelector ToSelector() => new(Purpose!.Value, string.IsNullOrEmpty(ServiceType) ? null : ServiceType, Channel);

    public QuestionnaireContent ToContent() => new(
        Title!.ToText(),
        Intro?.ToText(),
        [.. Questions!.Select(q => q.ToQuestion())],
        new CallScript(Script!.Opening!.ToText(), Script.Closing!.ToText()));
}

/// <summary>
/// Everything a questionnaire must be before it is stored: both languages of every text, sizes bounded, keys
/// unique and safe in URLs and form fields, each kind with the fields it needs and none it does not, exactly one
/// required overall score, known placeholders only. Errors name the field: <c>questions[2].options[0].key</c>.
/// </summary>
public sealed partial class QuestionnaireInputValidator : AbstractValidator<QuestionnaireInput>
{
    /// <summary>Largest stored content, as JSON.</summary>
    public const int MaxContentJson = 64 * 1024;

    public QuestionnaireInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(QuestionnaireLimits.Name);
        RuleFor(x => x.Purpose).NotNull().IsInEnum();
        RuleFor(x => x.ServiceType!).MaximumLength(FieldLimits.Code).Code().When(x => !string.IsNullOrEmpty(x.ServiceType));
        RuleFor(x => x.Channel).IsInEnum();
        RuleFor(x => x.Title).NotNull().SetValidator(new TextValidator(QuestionnaireLimits.Text, false)!);
        RuleFor(x => x.Intro).SetValidator(new TextValidator(QuestionnaireLimits.LongText, false)!).When(x => x.Intro is not null);
        RuleFor(x => x.Script).NotNull();
        RuleFor(x => x.Script!.Opening).NotNull().SetValidator(new TextValidator(QuestionnaireLimits.LongText, true)!).OverridePropertyName("script.opening").When(x => x.Script is not null);
        RuleFor(x => x.Script!.Closing).NotNull().SetValidator(new TextValidator(QuestionnaireLimits.LongText, true)!).OverridePropertyName("script.closing").When(x => x.Script is not null);

        RuleFor(x => x.Questions).NotEmpty()
            .Must(q => q is null || q.Count <= QuestionnaireLimits.Questions)
            .WithMessage(_ => Messages.Get("validation.tooManyItems", QuestionnaireLimits.Questions));
        RuleForEach(x => x.Questions).SetValidator(new QuestionValidator());
        RuleFor(x => x.Questions).Must(q => q is null || q.Count(x => x?.Kind == QuestionKind.OverallScore) == 1)
            .WithMessage(_ => Messages.Get("questionnaire.oneOverallScore"));
        RuleFor(x => x.Questions).Must(q => q is null || q.Count(x => x?.Kind == QuestionKind.Nps) <= 1)
            .WithMessage(_ => Messages.Get("questionnaire.oneNps"));
        RuleFor(x => x.Questions).Must(q => q is null || Duplicates(q.Select(x => x?.Key)) is null)
            .WithMessage(x => Messages.Get("questionnaire.duplicateKey", Duplicates(x.Questions!.Select(q => q?.Key))));
        RuleFor(x => x.Questions).Must(q => q is null || Duplicates(q.Where(x => x?.Kind == QuestionKind.DimensionScore).Select(x => x.Dimension?.ToString())) is null)
            .WithMessage(x => Messages.Get("questionnaire.duplicateDimension", Duplicates(x.Questions!.Where(q => q?.Kind == QuestionKind.DimensionScore).Select(q => q.Dimension?.ToString()))));
        RuleFor(x => x.Questions).Must(q => q is null || Duplicates(q.Where(x => x?.Kind == QuestionKind.FreeText).Select(x => x.Field?.ToString())) is null)
            .WithMessage(x => Messages.Get("questionnaire.duplicateField", Duplicates(x.Questions!.Where(q => q?.Kind == QuestionKind.FreeText).Select(q => q.Field?.ToString()))));

        // Last, and only once the parts are right: the whole stays small enough to keep and to render.
        RuleFor(x => x).Must(x => JsonSerializer.SerializeToUtf8Bytes(x.ToContent()).Length <= MaxContentJson)
            .WithMessage(_ => Messages.Get("questionnaire.tooLarge", MaxContentJson))
            .OverridePropertyName("questions")
            .When(x => Complete(x));
    }

    /// <summary>The first key given more than once, or null.</summary>
    private static string? Duplicates(IEnumerable<string?> keys) =>
        keys.Where(k => k is not null).GroupBy(k => k, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;

    private static bool Complete(QuestionnaireInput x) =>
        x.Title?.ZhCn is not null && x.Title.En is not null && x.Purpose is not null
        && x.Script?.Opening?.ZhCn is not null && x.Script.Opening.En is not null && x.Script.Closing?.ZhCn is not null && x.Script.Closing.En is not null
        && (x.Intro is null || (x.Intro.ZhCn is not null && x.Intro.En is not null))
        && x.Questions is { Count: > 0 } questions
        && questions.All(q => q?.Key is not null && q.Kind is not null && q.Text?.ZhCn is not null && q.Text.En is not null
            && (q.Script is null || (q.Script.ZhCn is not null && q.Script.En is not null))
            && (q.Options ?? []).All(o => o?.Key is not null && o.Label?.ZhCn is not null && o.Label.En is not null));

    /// <summary>A key answers and form fields name: lowercase ASCII letters, digits, '-' and '_', starting with a letter.</summary>
    [GeneratedRegex("^[a-z][a-z0-9_-]*$")]
    internal static partial Regex KeyPattern();

    /// <summary>A placeholder-looking part of a text: {word}.</summary>
    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex PlaceholderPattern();

    /// <summary>
    /// Both languages, not blank, at most a number of characters; in script and question texts, braces in pairs;
    /// in script texts, only the known placeholders.
    /// </summary>
    private sealed class TextValidator : AbstractValidator<LocalizedTextInput>
    {
        public TextValidator(int max, bool placeholders, bool braces = false)
        {
            // One message naming the missing language (not FluentValidation's generic ones), then the size.
            RuleFor(x => x.ZhCn).Cascade(CascadeMode.Stop).Must(t => !string.IsNullOrWhiteSpace(t))
                .WithMessage(_ => Messages.Get("questionnaire.languageMissing", "zhCn")).MaximumLength(max);
            RuleFor(x => x.En).Cascade(CascadeMode.Stop).Must(t => !string.IsNullOrWhiteSpace(t))
                .WithMessage(_ => Messages.Get("questionnaire.languageMissing", "en")).MaximumLength(max);
            if (placeholders || braces)
            {
                // "hi {customer" would be read out (or shown) as written: every '{' must be closed before the next one opens.
                RuleFor(x => x.ZhCn).Must(BalancedBraces).WithMessage(_ => Messages.Get("questionnaire.unbalancedBrace"));
                RuleFor(x => x.En).Must(BalancedBraces).WithMessage(_ => Messages.Get("questionnaire.unbalancedBrace"));
            }

            if (placeholders)
            {
                RuleFor(x => x.ZhCn).Must(KnownPlaceholders).WithMessage(_ => Messages.Get("questionnaire.unknownPlaceholder", string.Join(", ", CallScript.Placeholders)));
                RuleFor(x => x.En).Must(KnownPlaceholders).WithMessage(_ => Messages.Get("questionnaire.unknownPlaceholder", string.Join(", ", CallScript.Placeholders)));
            }
        }

        private static bool BalancedBraces(string? text)
        {
            var open = false;
            foreach (var c in text ?? "")
            {
                if (c == '{')
                {
                    if (open)
                    {
                        return false;
                    }

                    open = true;
                }
                else if (c == '}')
                {
                    if (!open)
                    {
                        return false;
                    }

                    open = false;
                }
            }

            return !open;
        }

        private static bool KnownPlaceholders(string? text) =>
            text is null || PlaceholderPattern().Matches(text).All(m => CallScript.Placeholders.Contains(m.Value));
    }

    private sealed class QuestionValidator : AbstractValidator<QuestionInput>
    {
        public QuestionValidator()
        {
            RuleFor(x => x.Key).NotEmpty().MaximumLength(QuestionnaireLimits.Key)
                .Matches(KeyPattern()).WithMessage(_ => Messages.Get("questionnaire.key", QuestionnaireLimits.Key));
            RuleFor(x => x.Kind).NotNull().IsInEnum();
            RuleFor(x => x.Required).Must(r => r != false).WithMessage(_ => Messages.Get("questionnaire.overallRequired"))
                .When(x => x.Kind == QuestionKind.OverallScore);
            RuleFor(x => x.Text).NotNull().SetValidator(new TextValidator(QuestionnaireLimits.Text, false, braces: true)!);
            RuleFor(x => x.Script).SetValidator(new TextValidator(QuestionnaireLimits.Text, true)!).When(x => x.Script is not null);

            RuleFor(x => x.Dimension).NotNull().WithMessage(_ => Messages.Get("questionnaire.needs", "dimension", QuestionKind.DimensionScore)).IsInEnum()
                .When(x => x.Kind == QuestionKind.DimensionScore);
            RuleFor(x => x.Dimension).Null().WithMessage(_ => Messages.Get("questionnaire.onlyWith", QuestionKind.DimensionScore))
                .When(x => x.Kind is not null && x.Kind != QuestionKind.DimensionScore);
            RuleFor(x => x.Field).NotNull().WithMessage(_ => Messages.Get("questionnaire.needs", "field", QuestionKind.FreeText)).IsInEnum()
                .When(x => x.Kind == QuestionKind.FreeText);
            RuleFor(x => x.Field).Null().WithMessage(_ => Messages.Get("questionnaire.onlyWith", QuestionKind.FreeText))
                .When(x => x.Kind is not null && x.Kind != QuestionKind.FreeText);

            RuleFor(x => x.Options).Must(o => o is { Count: >= 2 } && o.Count <= QuestionnaireLimits.Options)
                .WithMessage(_ => Messages.Get("questionnaire.options", 2, QuestionnaireLimits.Options))
                .When(x => x.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice);
            RuleFor(x => x.Options).Must(o => o is null || o.All(option => option?.Key is null or Question.YesKey or Question.NoKey))
                .WithMessage(_ => Messages.Get("questionnaire.yesNoOptions"))
                .When(x => x.Kind == QuestionKind.YesNo);
            RuleFor(x => x.Options).Must(o => o is null || o.Count == 0)
                .WithMessage(_ => Messages.Get("questionnaire.noOptions"))
                .When(x => x.Kind is QuestionKind.OverallScore or QuestionKind.DimensionScore or QuestionKind.FreeText or QuestionKind.Nps);
            RuleFor(x => x.Options).Must(o => o is null || Duplicates(o.Select(option => option?.Key)) is null)
                .WithMessage(x => Messages.Get("questionnaire.duplicateOption", Duplicates(x.Options!.Select(o => o?.Key))));
            RuleForEach(x => x.Options).SetValidator(new OptionValidator());
        }
    }

    private sealed class OptionValidator : AbstractValidator<ChoiceOptionInput>
    {
        public OptionValidator()
        {
            RuleFor(x => x.Key).NotEmpty().MaximumLength(QuestionnaireLimits.Key)
                .Matches(KeyPattern()).WithMessage(_ => Messages.Get("questionnaire.key", QuestionnaireLimits.Key));
            RuleFor(x => x.Label).NotNull().SetValidator(new TextValidator(QuestionnaireLimits.Text, false)!);
            RuleFor(x => x.Implies).IsInEnum();
            RuleFor(x => x.Level).IsInEnum();
            RuleFor(x => x.Level).NotNull().WithMessage(_ => Messages.Get("feedback.complaintLevelRequired"))
                .When(x => x.Implies == FeedbackCategory.Complaint);
            RuleFor(x => x.Level).Null().WithMessage(_ => Messages.Get("questionnaire.levelOnlyWithComplaint"))
                .When(x => x.Implies != FeedbackCategory.Complaint);
        }
    }
}
