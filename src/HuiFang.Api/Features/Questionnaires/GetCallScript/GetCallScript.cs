using System.Globalization;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Feedback;
using HuiFang.Api.Domain.Questionnaires;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Services.Questionnaires;
using HuiFang.Api.Services.Tenants;
using HuiFang.Api.Services.VisitTasks;
using Mediator;

namespace HuiFang.Api.Features.Questionnaires.GetCallScript;

/// <summary>The agent's call script for one task, in the caller's language.</summary>
public sealed record GetCallScript(Guid TaskId) : IQuery<Result<CallScriptResponse>>;

/// <summary>The call script (话术) of a visit task: what the agent says, in order, with the task's details filled in.</summary>
/// <param name="TaskId">The task.</param>
/// <param name="QuestionnaireId">The questionnaire the task pinned; null: the shipped default.</param>
/// <param name="QuestionnaireVersion">The pinned version; answers are checked against it.</param>
/// <param name="QuestionnaireName">The questionnaire's name.</param>
/// <param name="Language">The language of the texts: zh-CN or en (from Accept-Language; English otherwise).</param>
/// <param name="Title">The questionnaire's title.</param>
/// <param name="Opening">The opening line, filled in.</param>
/// <param name="Questions">The questions in the order they are asked.</param>
/// <param name="Closing">The closing line, filled in.</param>
public sealed record CallScriptResponse(
    Guid TaskId,
    Guid? QuestionnaireId,
    int QuestionnaireVersion,
    string QuestionnaireName,
    string Language,
    string Title,
    string Opening,
    IReadOnlyList<CallScriptQuestion> Questions,
    string Closing);

/// <summary>One question as the agent asks it, and what answer it takes (send it as <c>answers</c> with the feedback).</summary>
/// <param name="Key">The question's key, which the answer names.</param>
/// <param name="Kind">What the answer is: OverallScore / DimensionScore (<c>score</c> 1–5), Nps (<c>score</c> 0–10), YesNo (<c>yes</c>), SingleChoice / MultipleChoice (<c>choices</c>), FreeText (<c>text</c>).</param>
/// <param name="Required">Whether an answer is required.</param>
/// <param name="Wording">What the agent says (the question's script, or its text), filled in.</param>
/// <param name="Text">The question as the customer reads it.</param>
/// <param name="MinScore">For scores and NPS: the lowest score.</param>
/// <param name="MaxScore">For scores and NPS: the highest score.</param>
/// <param name="Dimension">For a dimension score: which one.</param>
/// <param name="Options">For choices and yes/no: the options (key and label).</param>
public sealed record CallScriptQuestion(
    string Key,
    QuestionKind Kind,
    bool Required,
    string Wording,
    string Text,
    int? MinScore,
    int? MaxScore,
    FeedbackDimension? Dimension,
    IReadOnlyList<CallScriptOption> Options);

/// <summary>An option the customer may choose.</summary>
/// <param name="Key">What the answer names in <c>choices</c> (for yes/no: yes or no).</param>
/// <param name="Label">What the agent reads out.</param>
/// <param name="Implies">The category choosing it records, if any.</param>
public sealed record CallScriptOption(string Key, string Label, FeedbackCategory? Implies);

/// <summary>
/// Builds the script from the questionnaire version the task pinned: placeholders filled with the service day in
/// the tenant's calendar time zone, the service type and the customer's masked salutation (never the full name or
/// the phone). The language follows the request (Accept-Language: zh-CN or en).
/// </summary>
public sealed class GetCallScriptHandler(HuiFangDbContext db, QuestionnaireCatalog catalog, TenantSettings tenant) : IQueryHandler<GetCallScript, Result<CallScriptResponse>>
{
    public async ValueTask<Result<CallScriptResponse>> Handle(GetCallScript query, CancellationToken cancellationToken)
    {
        var task = await VisitTaskQueries.ReadOnlyAsync(db, query.TaskId, cancellationToken);
        if (task is null)
        {
            return VisitTaskErrors.NotFound(query.TaskId);
        }

        var questionnaire = await catalog.ForTaskAsync(task, cancellationToken);
        var calendar = await tenant.GetCalendarAsync(cancellationToken);
        var language = LocalizedText.IsChinese(CultureInfo.CurrentUICulture.Name) ? LocalizedText.Chinese : LocalizedText.English;
        var date = ScriptFiller.ServiceDate(task.ServiceCompletedAt, calendar.TimeZone, language);
        var customer = ScriptFiller.Salutation(task.PersonalDataErasedAt is null ? task.CustomerName : null, language);
        string Fill(LocalizedText text) => ScriptFiller.Fill(text.For(language), date, task.ServiceType, customer);

        var content = questionnaire.Content;
        return new CallScriptResponse(
            task.Id,
            questionnaire.Id,
            questionnaire.Version,
            questionnaire.Name,
            language,
            content.Title.For(language),
            Fill(content.Script.Opening),
            [.. content.Questions.Select(q => new CallScriptQuestion(
                q.Key,
                q.Kind,
                q.Required,
                Fill(q.Script ?? q.Text),
                q.Text.For(language),
                q.ScoreRange()?.Min,
                q.ScoreRange()?.Max,
                q.Dimension,
                [.. Options(q).Select(o => new CallScriptOption(o.Key, o.Label.For(language), o.Implies))]))],
            Fill(content.Script.Closing));
    }

    /// <summary>A yes/no question always offers yes and no, labelled by its options where it has them.</summary>
    private static IEnumerable<ChoiceOption> Options(Question q) => q.Kind != QuestionKind.YesNo
        ? q.Options
        : [
            q.Option(Question.YesKey) ?? new ChoiceOption(Question.YesKey, new LocalizedText("是", "Yes"), null, null),
            q.Option(Question.NoKey) ?? new ChoiceOption(Question.NoKey, new LocalizedText("否", "No"), null, null),
        ];
}
