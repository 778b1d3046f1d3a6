using HuiFang.Api.Common;
using HuiFang.Api.Domain.Feedback;
using HuiFang.Api.Domain.Questionnaires;
using HuiFang.Api.Services.Loop;

namespace HuiFang.Api.Features.Feedback;

/// <summary>A feedback record (回访记录) as callers see it. Never changed once recorded; a correction is a new record.</summary>
/// <param name="Id">Feedback id.</param>
/// <param name="TaskId">The visit task it completed.</param>
/// <param name="Score">Satisfaction score 1–5.</param>
/// <param name="Verdict">Satisfied, Neutral or Unsatisfied, from the score by the tenant's thresholds.</param>
/// <param name="Categories">Praise, Suggestion, Complaint, Inquiry.</param>
/// <param name="ComplaintLevel">General or Urgent, for a complaint.</param>
/// <param name="Comment">What the customer said.</param>
/// <param name="Suggestions">Improvement suggestions.</param>
/// <param name="UnresolvedProblems">Problems still open in the customer's view.</param>
/// <param name="Dimensions">Scores per dimension, where asked.</param>
/// <param name="Nps">Net-promoter answer 0–10, where asked.</param>
/// <param name="RecordedBy">The agent who recorded it.</param>
/// <param name="CallEndedAt">When the call ended.</param>
/// <param name="CallDurationSeconds">Length of the call.</param>
/// <param name="CustomerSigned">For on-site visits: the customer signed the record.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="RecordedLate">Recorded more than 10 minutes (tenant setting) after the call ended.</param>
/// <param name="Inquiry">The unanswered inquiry and its promised reply, when there is one.</param>
/// <param name="EscalationId">The escalation it opened or — on a revisit — answers.</param>
/// <param name="IsRevisit">Given on the revisit after an escalation was resolved.</param>
/// <param name="CorrectionOf">The record this one corrects.</param>
/// <param name="CorrectionReason">Why it was corrected.</param>
/// <param name="SupersededBy">The correction that replaced this record, if any.</param>
/// <param name="Questionnaire">The questionnaire version the answers were given against (id null: the shipped default); null when the feedback was not given as answers.</param>
/// <param name="Answers">The answers as given, in the order sent (free texts read "[erased]" once the customer's data is erased); null when the feedback was not given as answers.</param>
/// <param name="Version">Changes only when the inquiry is answered or the record superseded; the ETag is this number in quotes.</param>
public sealed record FeedbackResponse(
    Guid Id,
    Guid TaskId,
    int Score,
    Verdict Verdict,
    IReadOnlyList<FeedbackCategory> Categories,
    ComplaintLevel? ComplaintLevel,
    string? Comment,
    string? Suggestions,
    string? UnresolvedProblems,
    DimensionScoresInput? Dimensions,
    int? Nps,
    string? RecordedBy,
    DateTimeOffset? CallEndedAt,
    int? CallDurationSeconds,
    bool CustomerSigned,
    DateTimeOffset RecordedAt,
    bool RecordedLate,
    InquiryResponse? Inquiry,
    Guid? EscalationId,
    bool IsRevisit,
    Guid? CorrectionOf,
    string? CorrectionReason,
    Guid? SupersededBy,
    AnsweredQuestionnaireResponse? Questionnaire,
    IReadOnlyList<AnswerResponse>? Answers,
    int Version) : IVersioned
{
    public static FeedbackResponse From(FeedbackRecord f, DateTimeOffset now) => new(
        f.Id,
        f.TaskId,
        f.Score,
        f.Verdict,
        f.Categories,
        f.ComplaintLevel,
        f.Comment,
        f.Suggestions,
        f.UnresolvedProblems,
        f.AttitudeScore is null && f.TimelinessScore is null && f.QualityScore is null && f.ProfessionalismScore is null
            ? null
            : new DimensionScoresInput(f.AttitudeScore, f.TimelinessScore, f.QualityScore, f.ProfessionalismScore),
        f.Nps,
        f.RecordedBy,
        f.CallEndedAt,
        f.CallDurationSeconds,
        f.CustomerSigned,
        f.RecordedAt,
        f.RecordedLate,
        f.InquiryReplyDueBy is { } due
            ? new InquiryResponse(f.PendingInquiry, due, f.InquiryRepliedAt, f.InquiryReply, f.InquiryRepliedAt is null && now > due, f.InquiryOverdueAt)
            : null,
        f.EscalationId,
        f.IsRevisit,
        f.CorrectionOf,
        f.CorrectionReason,
        f.SupersededBy,
        f.GivenAnswers is { } given ? new AnsweredQuestionnaireResponse(given.QuestionnaireId, given.QuestionnaireVersion) : null,
        f.GivenAnswers is { } answers ? [.. answers.Answers.Select(a => new AnswerResponse(a.Question, Enum.Parse<QuestionKind>(a.Kind), a.Score, a.Yes, a.Choices, a.Text))] : null,
        f.Version);
}

/// <summary>The questionnaire version a feedback's answers were given against.</summary>
/// <param name="Id">The questionnaire; null: the shipped default.</param>
/// <param name="Version">Its content version (1 for the shipped default).</param>
public sealed record AnsweredQuestionnaireResponse(Guid? Id, int Version);

/// <summary>One answer as given: the question's key and kind and the one field the kind takes.</summary>
/// <param name="Question">The question's key.</param>
/// <param name="Kind">The question's kind.</param>
/// <param name="Score">For OverallScore and DimensionScore 1–5, for Nps 0–10.</param>
/// <param name="Yes">For YesNo.</param>
/// <param name="Choices">For SingleChoice and MultipleChoice: the chosen option keys.</param>
/// <param name="Text">For FreeText.</param>
public sealed record AnswerResponse(string Question, QuestionKind Kind, int? Score, bool? Yes, IReadOnlyList<string>? Choices, string? Text);

/// <summary>A feedback record just written (recorded, or appended as a correction) and what it did to the loop.</summary>
/// <param name="Feedback">The new record; a corrected one keeps its content and points here with supersededBy.</param>
/// <param name="Escalation">The escalation it opened, joined, reopened or closed; null when it touched none.</param>
public sealed record FeedbackResult(FeedbackResponse Feedback, EscalationOutcome? Escalation);

/// <summary>Scores per dimension, each 1–5.</summary>
/// <param name="Attitude">Service attitude.</param>
/// <param name="Timeliness">Timeliness.</param>
/// <param name="Quality">Quality of the work.</param>
/// <param name="Professionalism">Professionalism.</param>
public sealed record DimensionScoresInput(int? Attitude = null, int? Timeliness = null, int? Quality = null, int? Professionalism = null);

/// <summary>An inquiry that could not be answered on the call, tracked like an SLA.</summary>
/// <param name="Question">What the customer asked.</param>
/// <param name="ReplyDueBy">The reply promised by.</param>
/// <param name="RepliedAt">When the customer got the answer.</param>
/// <param name="Reply">The answer.</param>
/// <param name="Overdue">Unanswered past the promised time.</param>
/// <param name="OverdueReportedAt">When the monitor reported it late (InquiryReplyOverdue event).</param>
public sealed record InquiryResponse(string? Question, DateTimeOffset ReplyDueBy, DateTimeOffset? RepliedAt, string? Reply, bool Overdue, DateTimeOffset? OverdueReportedAt);
