using HuiFang.Api.Domain.Feedback;
using HuiFang.Api.Domain.Questionnaires;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Features.Questionnaires;
using HuiFang.Api.Features.Questionnaires.GetCallScript;
using HuiFang.Api.Features.Questionnaires.ListQuestionnaires;
using HuiFang.Api.Services.Questionnaires;

namespace HuiFang.Api.Infrastructure.OpenApi;

/// <summary>Examples of the questionnaire operations and the call script, built from the real types (the script from the shipped default).</summary>
internal static class OpenApiQuestionnaireExamples
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 3, 0, 0, TimeSpan.Zero);

    public static readonly Guid QuestionnaireId = Guid.Parse("019ab7a0-3c00-7000-8000-0000000000c1");

    public static IEnumerable<(string Name, (object? Request, object? Response) Example)> All()
    {
        var input = new QuestionnaireInput(
            "报修回访（短信）",
            VisitPurpose.AfterSales,
            "Repair",
            ContactChannel.Sms,
            new LocalizedTextInput("报修服务回访", "Repair follow-up"),
            null,
            [
                new QuestionInput("overall", QuestionKind.OverallScore, true, new LocalizedTextInput("您对本次维修整体满意吗？（1–5 分）", "How satisfied are you with the repair overall? (1–5)"),
                    new LocalizedTextInput("您对{serviceDate}的维修整体满意吗？1 到 5 分您打几分？", "How satisfied are you with the repair on {serviceDate}, from 1 to 5?")),
                new QuestionInput("speed", QuestionKind.DimensionScore, false, new LocalizedTextInput("上门速度（1–5 分）", "How quickly we came (1–5)"), null, FeedbackDimension.Timeliness),
                new QuestionInput("resolved", QuestionKind.YesNo, true, new LocalizedTextInput("问题是否已解决？", "Is the problem solved?"), null, null, null,
                    [new ChoiceOptionInput("no", new LocalizedTextInput("未解决", "Not solved"), FeedbackCategory.Complaint, ComplaintLevel.General)]),
                new QuestionInput("remarks", QuestionKind.FreeText, false, new LocalizedTextInput("还有什么想告诉我们的？", "Anything else to tell us?"), null, null, FreeTextField.Comment),
            ],
            new CallScriptInput(
                new LocalizedTextInput("您好，{customer}，这里是物业客服中心，想了解您对{serviceDate}{serviceType}服务的评价，大约占用您 2 分钟。", "Hello {customer}, this is the property service centre; may we ask 2 minutes about the {serviceType} service on {serviceDate}?"),
                new LocalizedTextInput("感谢您的反馈，祝您生活愉快！", "Thank you for your feedback. Have a good day!")));
        var content = input.ToContent();
        var response = new QuestionnaireResponse(QuestionnaireId, input.Name!, VisitPurpose.AfterSales, "Repair", ContactChannel.Sms, QuestionnaireStatus.Active, 1,
            QuestionnaireContentResponse.From(content), At, At, null, 1);
        yield return ("CreateQuestionnaire", (input, response));
        yield return ("GetQuestionnaire", (null, response));
        yield return ("ReplaceQuestionnaire", (input, response with { CurrentVersion = 2, UpdatedAt = At.AddDays(3), Version = 2 }));
        yield return ("RetireQuestionnaire", (null, response with { Status = QuestionnaireStatus.Retired, RetiredAt = At.AddDays(5), UpdatedAt = At.AddDays(5), Version = 2 }));
        yield return ("ListQuestionnaires", (null, new QuestionnaireList([new QuestionnaireSummary(QuestionnaireId, input.Name!, VisitPurpose.AfterSales, "Repair", ContactChannel.Sms, QuestionnaireStatus.Active, 1, At, 1)])));
        yield return ("GetQuestionnaireVersion", (null, new QuestionnaireVersionResponse(QuestionnaireId, 1, input.Name!, QuestionnaireContentResponse.From(content), At)));
        var shipped = QuestionnaireCatalog.Shipped;
        yield return ("GetShippedQuestionnaire", (null, new QuestionnaireVersionResponse(null, 1, shipped.Name, QuestionnaireContentResponse.From(shipped.Content), null)));

        const string language = LocalizedText.Chinese;
        const string date = "2026年11月20日";
        const string customer = "王先生";
        string Fill(LocalizedText text) => ScriptFiller.Fill(text.For(language), date, "Repair", customer);
        yield return ("GetCallScript", (null, new CallScriptResponse(
            Guid.Parse("019ab7a0-3c00-7000-8000-000000000001"),
            null,
            1,
            shipped.Name,
            language,
            shipped.Content.Title.For(language),
            Fill(shipped.Content.Script.Opening),
            [.. shipped.Content.Questions.Select(q => new CallScriptQuestion(
                q.Key, q.Kind, q.Required, Fill(q.Script ?? q.Text), q.Text.For(language), q.ScoreRange()?.Min, q.ScoreRange()?.Max, q.Dimension,
                [.. q.Options.Select(o => new CallScriptOption(o.Key, o.Label.For(language), o.Implies))]))],
            Fill(shipped.Content.Script.Closing))));
    }
}
