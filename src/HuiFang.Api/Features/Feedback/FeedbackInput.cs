using System.ComponentModel.DataAnnotations;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Feedback;
using HuiFang.Api.Domain.Questionnaires;
using HuiFang.Api.Infrastructure.Persistence;

namespace HuiFang.Api.Features.Feedback;

/// <summary>What the customer said on a visit, as the agent records it.</summary>
/// <param name="Score">Satisfaction score 1–5 (required unless <c>answers</c> are sent; then left out).</param>
/// <param name="Categories">One or more of Praise, Suggestion, Complaint, Inquiry (required unless <c>answers</c> are sent; then left out).</param>
/// <param name="ComplaintLevel">General or Urgent; required with Complaint, refused without it.</param>
/// <param name="Comment">What the customer said, factually.</param>
/// <param name="Suggestions">Improvement suggestions.</param>
/// <param name="UnresolvedProblems">Problems still open in the customer's view.</param>
/// <param name="Dimensions">Optional scores per dimension (1–5 each).</param>
/// <param name="Nps">Optional net-promoter answer 0–10.</param>
/// <param name="RecordedBy">The agent recording it.</param>
/// <param name="CallEndedAt">When the call (or on-site visit) ended; feedback recorded more than 10 minutes later is accepted and flagged late.</param>
/// <param name="CallDurationSeconds">Length of the call in seconds (0–86400).</param>
/// <param name="CustomerSigned">For on-site visits: the customer signed the record.</param>
/// <param name="PendingInquiry">An inquiry that could not be answered on the call (needs category Inquiry); a reply is then promised and tracked.</param>
/// <param name="InquiryReplyBy">When the reply is promised by; default: the tenant's inquiry reply time (24 h) from now.</param>
/// <param name="Answers">
/// The customer's answers to the task's questionnaire (the version the task was planned with, see the task's
/// <c>questionnaireId</c>/<c>questionnaireVersion</c> and its script). When sent, they decide score, categories,
/// complaint level, dimensions, NPS and the texts, and those fields are left out.
/// </param>
public sealed record FeedbackInput(
    int? Score = null,
    IReadOnlyList<FeedbackCategory>? Categories = null,
    ComplaintLevel? ComplaintLevel = null,
    string? Comment = null,
    string? Suggestions = null,
    string? UnresolvedProblems = null,
    DimensionScoresInput? Dimensions = null,
    int? Nps = null,
    string? RecordedBy = null,
    DateTimeOffset? CallEndedAt = null,
    int? CallDurationSeconds = null,
    bool? CustomerSigned = null,
    string? PendingInquiry = null,
    DateTimeOffset? InquiryReplyBy = null,
    IReadOnlyList<AnswerInput>? Answers = null)
{
    /// <summary>The answers as the questionnaire evaluates them.</summary>
    public IReadOnlyList<SurveyAnswer> ToSurveyAnswers() =>
        [.. (Answers ?? []).Select(a => new SurveyAnswer(a.Question ?? "", a.Score, a.Yes, a.Choices, a.Text))];

    /// <summary>The content when the answers decided score, categories, level, dimensions, NPS and texts.</summary>
    public FeedbackContent ToContent(EvaluatedAnswers answers) => new(
        answers.Score,
        answers.Categories,
        answers.ComplaintLevel,
        answers.Comment,
        answers.Suggestions,
        answers.UnresolvedProblems,
        answers.DimensionScores,
        answers.Nps,
        RecordedBy,
        CallEndedAt,
        CallDurationSeconds,
        CustomerSigned ?? false,
        PendingInquiry,
        InquiryReplyBy);

    public FeedbackContent ToContent() => new(
        Score!.Value,
        [.. Categories!],
        ComplaintLevel,
        Comment,
        Suggestions,
        UnresolvedProblems,
        Dimensions is null ? null : new DimensionScores(Dimensions.Attitude, Dimensions.Timeliness, Dimensions.Quality, Dimensions.Professionalism),
        Nps,
        RecordedBy,
        CallEndedAt,
        CallDurationSeconds,
        CustomerSigned ?? false,
        PendingInquiry,
        InquiryReplyBy);
}

public sealed class FeedbackInputValidator : AbstractValidator<FeedbackInput>
{
    public FeedbackInputValidator(TimeProvider clock)
    {
        When(x => x.Answers is null, () =>
        {
            RuleFor(x => x.Score).NotNull()
                .InclusiveBetween(VerdictThresholds.MinScore, VerdictThresholds.MaxScore)
                .WithMessage(_ => Messages.Get("validation.range", VerdictThresholds.MinScore, VerdictThresholds.MaxScore));
            RuleFor(x => x.Categories).NotEmpty();
            RuleForEach(x => x.Categories).IsInEnum();
            RuleFor(x => x.Categories).Must(c => c is null || c.Distinct().Count() == c.Count).WithMessage(_ => Messages.Get("feedback.distinctCategories"));
            RuleFor(x => x.ComplaintLevel).IsInEnum();
            RuleFor(x => x.ComplaintLevel).NotNull().WithMessage(_ => Messages.Get("feedback.complaintLevelRequired"))
                .When(x => x.Categories?.Contains(FeedbackCategory.Complaint) == true);
            RuleFor(x => x.ComplaintLevel).Null().WithMessage(_ => Messages.Get("feedback.complaintLevelOnlyWithComplaint"))
                .When(x => x.Categories?.Contains(FeedbackCategory.Complaint) != true);
            RuleFor(x => x.Comment).MaximumLength(FieldLimits.LongText);
            RuleFor(x => x.Suggestions).MaximumLength(FieldLimits.LongText);
            RuleFor(x => x.UnresolvedProblems).MaximumLength(FieldLimits.LongText);
        }).Otherwise(() =>
        {
            // No "not empty" rule and no length rule on the texts: the questionnaire checks both per question
            // (AnswerSheet), so that one 400 names every question that is missing or wrong, not just the first.
            RuleForEach(x => x.Answers).SetValidator(new AnswerInputValidator());
            RuleFor(x => x.Score).Null().WithMessage(_ => Messages.Get("feedback.notWithAnswers"));
            RuleFor(x => x.Categories).Null().WithMessage(_ => Messages.Get("feedback.notWithAnswers"));
            RuleFor(x => x.ComplaintLevel).Null().WithMessage(_ => Messages.Get("feedback.notWithAnswers"));
            RuleFor(x => x.Comment).Null().WithMessage(_ => Messages.Get("feedback.notWithAnswers"));
            RuleFor(x => x.Suggestions).Null().WithMessage(_ => Messages.Get("feedback.notWithAnswers"));
            RuleFor(x => x.UnresolvedProblems).Null().WithMessage(_ => Messages.Get("feedback.notWithAnswers"));
            RuleFor(x => x.Dimensions).Null().WithMessage(_ => Messages.Get("feedback.notWithAnswers"));
            RuleFor(x => x.Nps).Null().WithMessage(_ => Messages.Get("feedback.notWithAnswers"));
        });
        RuleFor(x => x.RecordedBy).MaximumLength(FieldLimits.Name);
        RuleFor(x => x.Dimensions!.Attitude).InclusiveBetween(1, 5).OverridePropertyName("dimensions.attitude").When(x => x.Dimensions?.Attitude is not null);
        RuleFor(x => x.Dimensions!.Timeliness).InclusiveBetween(1, 5).OverridePropertyName("dimensions.timeliness").When(x => x.Dimensions?.Timeliness is not null);
        RuleFor(x => x.Dimensions!.Quality).InclusiveBetween(1, 5).OverridePropertyName("dimensions.quality").When(x => x.Dimensions?.Quality is not null);
        RuleFor(x => x.Dimensions!.Professionalism).InclusiveBetween(1, 5).OverridePropertyName("dimensions.professionalism").When(x => x.Dimensions?.Professionalism is not null);
        RuleFor(x => x.Nps).InclusiveBetween(0, 10);
        RuleFor(x => x.CallDurationSeconds).InclusiveBetween(0, 86_400);
        RuleFor(x => x.CallEndedAt).Must(t => t is null || t <= clock.GetUtcNow().AddMinutes(5))
            .WithMessage(_ => Messages.Get("validation.notFuture"));
        RuleFor(x => x.CallEndedAt).Must(t => t is null || t >= clock.GetUtcNow().AddDays(-366))
            .WithMessage(_ => Messages.Get("validation.range", "-366 d", "now"));
        RuleFor(x => x.PendingInquiry).MaximumLength(FieldLimits.LongText).NotEmpty().When(x => x.PendingInquiry is not null);
        RuleFor(x => x.PendingInquiry).Null().WithMessage(_ => Messages.Get("feedback.inquiryOnlyWithInquiry"))
            .When(x => x.Answers is null && x.Categories?.Contains(FeedbackCategory.Inquiry) != true);
        RuleFor(x => x.InquiryReplyBy).Null().WithMessage(_ => Messages.Get("feedback.replyByNeedsInquiry"))
            .When(x => x.PendingInquiry is null);
        RuleFor(x => x.InquiryReplyBy).Must(t => t is null || t > clock.GetUtcNow()).WithMessage(_ => Messages.Get("validation.future"));
        RuleFor(x => x.InquiryReplyBy).NotTooFarAhead(clock);
    }
}

/// <summary>The answer to one question of the task's questionnaire; send the one field its kind takes.</summary>
/// <param name="Question">The question's key (required).</param>
/// <param name="Score">For OverallScore and DimensionScore questions 1–5, for Nps 0–10.</param>
/// <param name="Yes">For YesNo questions.</param>
/// <param name="Choices">For SingleChoice (exactly one) and MultipleChoice (one or more) questions: option keys.</param>
/// <param name="Text">For FreeText questions (at most 2000 characters).</param>
public sealed record AnswerInput(
    [property: Required] string? Question,
    int? Score = null,
    bool? Yes = null,
    IReadOnlyList<string>? Choices = null,
    string? Text = null);

public sealed class AnswerInputValidator : AbstractValidator<AnswerInput>
{
    public AnswerInputValidator()
    {
        RuleFor(x => x.Question).NotEmpty().MaximumLength(QuestionnaireLimits.Key);
        RuleFor(x => x.Choices).Must(c => c is null || c.Count <= QuestionnaireLimits.Options)
            .WithMessage(_ => Messages.Get("validation.tooManyItems", QuestionnaireLimits.Options));
        RuleForEach(x => x.Choices).NotEmpty().MaximumLength(QuestionnaireLimits.Key);
    }
}
