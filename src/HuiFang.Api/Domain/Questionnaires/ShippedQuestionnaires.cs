using HuiFang.Api.Domain.Feedback;

namespace HuiFang.Api.Domain.Questionnaires;

/// <summary>
/// The questionnaire the service ships, used for every task of a tenant that has none of its own. It follows the
/// example questions of docs/follow-up-rules.md ("Questionnaires and call scripts"): the overall feeling first,
/// then response speed, the staff's professionalism and conduct, whether the problem was solved, what could be
/// better, and an optional NPS; the opening names the purpose and the expected length and promises
/// confidentiality.
/// </summary>
public static class ShippedQuestionnaires
{
    /// <summary>The name the shipped default goes by (its id is null, its version 1).</summary>
    public const string DefaultName = "huifang-default";

    public static QuestionnaireContent Default { get; } = new(
        new LocalizedText("服务满意度回访", "Service satisfaction follow-up"),
        new LocalizedText(
            "感谢您使用我们的服务。以下几个问题大约需要 3 分钟，您的反馈仅用于服务改进，我们会严格保密。",
            "Thank you for using our service. These few questions take about 3 minutes; your answers are used only to improve our service and are kept confidential."),
        [
            new Question(
                "overall", QuestionKind.OverallScore, true,
                new LocalizedText("您对本次服务整体感受如何？（1 分非常不满意，5 分非常满意）", "How did you find the service overall? (1 very unsatisfied, 5 very satisfied)"),
                new LocalizedText("您对本次服务整体感受如何？如果用 1 到 5 分打分，您会打几分？", "How did you find the service overall? On a scale from 1 to 5, what score would you give?"),
                null, null, []),
            new Question(
                "timeliness", QuestionKind.DimensionScore, false,
                new LocalizedText("服务响应速度是否达到您的预期？（1–5 分）", "Did the response speed meet your expectations? (1–5)"),
                new LocalizedText("服务响应速度是否达到您的预期？1 到 5 分您打几分？", "Did our response speed meet your expectations? What would you give it from 1 to 5?"),
                FeedbackDimension.Timeliness, null, []),
            new Question(
                "professionalism", QuestionKind.DimensionScore, false,
                new LocalizedText("您对服务人员的专业度是否满意？（1–5 分）", "How satisfied are you with the staff's professionalism? (1–5)"),
                new LocalizedText("您对服务人员的专业度是否满意？1 到 5 分您打几分？", "How satisfied are you with our staff's professionalism, from 1 to 5?"),
                FeedbackDimension.Professionalism, null, []),
            new Question(
                "conduct", QuestionKind.DimensionScore, false,
                new LocalizedText("您对服务人员的言行举止是否满意？（1–5 分）", "How satisfied are you with the staff's conduct? (1–5)"),
                new LocalizedText("服务人员的言行举止让您满意吗？1 到 5 分您打几分？", "Were you happy with how our staff behaved, from 1 to 5?"),
                FeedbackDimension.Attitude, null, []),
            new Question(
                "resolved", QuestionKind.YesNo, true,
                new LocalizedText("您的问题是否已经解决？", "Has your problem been solved?"),
                new LocalizedText("请问您的问题现在是否已经解决了？", "May I ask whether your problem has been solved now?"),
                null, null,
                [
                    new ChoiceOption(Question.YesKey, new LocalizedText("已解决", "Yes, solved"), null, null),
                    new ChoiceOption(Question.NoKey, new LocalizedText("未解决", "No, not yet"), FeedbackCategory.Complaint, ComplaintLevel.General),
                ]),
            new Question(
                "topic", QuestionKind.SingleChoice, false,
                new LocalizedText("您还有什么想告诉我们的吗？", "Is there anything else you would like to tell us?"),
                new LocalizedText("是否有需要改进的地方，或者您还有什么想告诉我们的？", "Is there anything we should improve, or anything else you would like to tell us?"),
                null, null,
                [
                    new ChoiceOption("praise", new LocalizedText("表扬服务人员", "Praise for the staff"), FeedbackCategory.Praise, null),
                    new ChoiceOption("suggestion", new LocalizedText("改进建议", "A suggestion for improvement"), FeedbackCategory.Suggestion, null),
                    new ChoiceOption("inquiry", new LocalizedText("有问题想咨询", "A question to ask"), FeedbackCategory.Inquiry, null),
                    new ChoiceOption("complaint", new LocalizedText("投诉", "A complaint"), FeedbackCategory.Complaint, ComplaintLevel.General),
                    new ChoiceOption("urgent-complaint", new LocalizedText("紧急投诉（影响正常使用或经营）", "An urgent complaint (it stops my use or business)"), FeedbackCategory.Complaint, ComplaintLevel.Urgent),
                    new ChoiceOption("nothing", new LocalizedText("没有了", "Nothing else"), null, null),
                ]),
            new Question(
                "details", QuestionKind.FreeText, false,
                new LocalizedText("具体是哪个环节让您感到不便，或者您有什么建议？", "Which part was inconvenient for you, or what would you suggest?"),
                new LocalizedText("具体是哪个环节让您感到不便？（记录客户原话）", "Which part exactly was inconvenient? (note the customer's own words)"),
                null, FreeTextField.Comment, []),
            new Question(
                "nps", QuestionKind.Nps, false,
                new LocalizedText("您有多大可能向朋友或同事推荐我们？（0–10 分）", "How likely are you to recommend us to a friend or colleague? (0–10)"),
                new LocalizedText("最后一个问题：从 0 到 10 分，您有多大可能向朋友或同事推荐我们？", "One last question: from 0 to 10, how likely are you to recommend us to a friend or colleague?"),
                null, null, []),
        ],
        new CallScript(
            new LocalizedText(
                "您好，{customer}，我是客服中心的回访专员，想了解一下您对{serviceDate}{serviceType}服务的体验，方便占用您 3 分钟时间吗？本次回访内容仅用于服务改进，您的反馈我们会严格保密。",
                "Hello {customer}, this is the customer service centre. We would like to hear how you found the {serviceType} service on {serviceDate}; do you have 3 minutes? What you tell us is used only to improve our service and is kept confidential."),
            new LocalizedText(
                "非常感谢您的宝贵意见，我们会认真改进。如有其他需要，欢迎随时联系我们。祝您生活愉快，再见！",
                "Thank you very much for your feedback; we will act on it. If you need anything else, please contact us at any time. Have a good day, goodbye!")));
}
