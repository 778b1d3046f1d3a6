using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Tenants;
using HuiFang.Api.Domain.VisitTasks;

namespace HuiFang.Api.Domain.Feedback;

/// <summary>Optional scores per dimension, each 1–5.</summary>
public sealed record DimensionScores(int? Attitude, int? Timeliness, int? Quality, int? Professionalism);

/// <summary>What the customer said, as the agent enters it.</summary>
public sealed record FeedbackContent(
    int Score,
    IReadOnlyCollection<FeedbackCategory> Categories,
    ComplaintLevel? ComplaintLevel,
    string? Comment,
    string? Suggestions,
    string? UnresolvedProblems,
    DimensionScores? Dimensions,
    int? Nps,
    string? RecordedBy,
    DateTimeOffset? CallEndedAt,
    int? CallDurationSeconds,
    bool CustomerSigned,
    string? PendingInquiry,
    DateTimeOffset? InquiryReplyBy,
    GivenAnswers? Answers = null);

/// <summary>
/// A feedback record (回访记录): what the customer said on one visit. Immutable once recorded: a
/// correction is a new record that points at the one it corrects (<see cref="CorrectionOf"/>), and the
/// corrected record only learns that it was superseded. The promised reply to an unanswered inquiry is
/// tracked on the record like an SLA.
/// </summary>
public sealed class FeedbackRecord : AggregateRoot, ITenantOwned
{
    /// <summary>Feedback entered more than this long after the call is accepted but flagged late (domain rule: within 10 minutes).</summary>
    public static readonly TimeSpan DefaultLateAfter = TimeSpan.FromMinutes(10);

    private FeedbackRecord()
    {
    }

    public Guid Id { get; private set; }

    public string TenantId { get; private set; } = "";

    public Guid TaskId { get; private set; }

    public string CustomerExternalId { get; private set; } = "";

    public string WorkOrderNo { get; private set; } = "";

    public string ServiceType { get; private set; } = "";

    public string? Department { get; private set; }

    public string? Assignee { get; private set; }

    public ContactChannel Channel { get; private set; }

    public int Score { get; private set; }

    public Verdict Verdict { get; private set; }

    /// <summary>The categories as bits (1 praise, 2 suggestion, 4 complaint, 8 inquiry), so that reports can count them in SQL.</summary>
    public int CategoryMask { get; private set; }

    public ComplaintLevel? ComplaintLevel { get; private set; }

    public string? Comment { get; private set; }

    public string? Suggestions { get; private set; }

    public string? UnresolvedProblems { get; private set; }

    public int? AttitudeScore { get; private set; }

    public int? TimelinessScore { get; private set; }

    public int? QualityScore { get; private set; }

    public int? ProfessionalismScore { get; private set; }

    public int? Nps { get; private set; }

    public string? RecordedBy { get; private set; }

    public DateTimeOffset? CallEndedAt { get; private set; }

    public int? CallDurationSeconds { get; private set; }

    public bool CustomerSigned { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public bool RecordedLate { get; private set; }

    public string? PendingInquiry { get; private set; }

    public DateTimeOffset? InquiryReplyDueBy { get; private set; }

    public DateTimeOffset? InquiryRepliedAt { get; private set; }

    public string? InquiryReply { get; private set; }

    /// <summary>When the monitor found the promised reply late (once).</summary>
    public DateTimeOffset? InquiryOverdueAt { get; private set; }

    /// <summary>The escalation this feedback opened, or — on a revisit — the escalation it answers.</summary>
    public Guid? EscalationId { get; private set; }

    /// <summary>True when given on a revisit after an escalation was resolved.</summary>
    public bool IsRevisit { get; private set; }

    public Guid? CorrectionOf { get; private set; }

    public string? CorrectionReason { get; private set; }

    public Guid? SupersededBy { get; private set; }

    public DateTimeOffset? PersonalDataErasedAt { get; private set; }

    /// <summary>The questionnaire version the answers were given against (null: the shipped default, or no answers).</summary>
    public Guid? QuestionnaireId { get; private set; }

    /// <summary>The version of <see cref="QuestionnaireId"/> answered; null when the feedback was not given as answers.</summary>
    public int? QuestionnaireVersion { get; private set; }

    /// <summary>The answers as given (a JSON column), when the feedback was given as answers.</summary>
    public IReadOnlyList<GivenAnswer>? Answers { get; private set; }

    /// <summary>The answers with the questionnaire they answered, or null.</summary>
    public GivenAnswers? GivenAnswers => Answers is null || QuestionnaireVersion is null ? null : new(QuestionnaireId, QuestionnaireVersion.Value, Answers);

    public int Version { get; private set; }

    public IReadOnlyList<FeedbackCategory> Categories =>
        [.. Enum.GetValues<FeedbackCategory>().Where(c => (CategoryMask & Bit(c)) != 0)];

    public bool Has(FeedbackCategory category) => (CategoryMask & Bit(category)) != 0;

    public bool IsComplaint => Has(FeedbackCategory.Complaint);

    /// <summary>Unsatisfied by score, or a complaint whatever the score.</summary>
    public bool IsUnsatisfied => Verdict == Verdict.Unsatisfied || IsComplaint;

    public bool InquiryOpen => InquiryReplyDueBy is not null && InquiryRepliedAt is null;

    public static int Bit(FeedbackCategory category) => 1 << (int)category;

    public static FeedbackRecord Record(
        Guid id,
        VisitTask task,
        FeedbackContent content,
        VerdictThresholds thresholds,
        TimeSpan lateAfter,
        TimeSpan inquiryReplyWithin,
        DateTimeOffset now) => new()
    {
        Id = id,
        TenantId = task.TenantId,
        TaskId = task.Id,
        CustomerExternalId = task.CustomerExternalId,
        WorkOrderNo = task.WorkOrderNo,
        ServiceType = task.ServiceType,
        Department = task.ServiceDepartment,
        Assignee = task.Assignee,
        Channel = task.Channel,
        Score = content.Score,
        Verdict = thresholds.Of(content.Score),
        CategoryMask = content.Categories.Aggregate(0, (mask, c) => mask | Bit(c)),
        ComplaintLevel = content.ComplaintLevel,
        Comment = content.Comment,
        Suggestions = content.Suggestions,
        UnresolvedProblems = content.UnresolvedProblems,
        AttitudeScore = content.Dimensions?.Attitude,
        TimelinessScore = content.Dimensions?.Timeliness,
        QualityScore = content.Dimensions?.Quality,
        ProfessionalismScore = content.Dimensions?.Professionalism,
        Nps = content.Nps,
        RecordedBy = content.RecordedBy,
        CallEndedAt = content.CallEndedAt?.ToUniversalTime(),
        CallDurationSeconds = content.CallDurationSeconds,
        CustomerSigned = content.CustomerSigned,
        RecordedAt = now.ToUniversalTime(),
        RecordedLate = content.CallEndedAt is { } ended && now - ended > lateAfter,
        PendingInquiry = content.PendingInquiry,
        InquiryReplyDueBy = content.PendingInquiry is null ? null : (content.InquiryReplyBy ?? now + inquiryReplyWithin).ToUniversalTime(),
        IsRevisit = task.EscalationId is not null,
        EscalationId = task.EscalationId,
        QuestionnaireId = content.Answers?.QuestionnaireId,
        QuestionnaireVersion = content.Answers?.QuestionnaireVersion,
        Answers = content.Answers?.Answers,
        Version = 1,
    };

    /// <summary>A new record that replaces this one's content; this one is kept, marked as superseded.</summary>
    public FeedbackRecord Correct(Guid id, VisitTask task, FeedbackContent content, string reason, VerdictThresholds thresholds, TimeSpan lateAfter, TimeSpan inquiryReplyWithin, DateTimeOffset now)
    {
        var correction = Record(id, task, content, thresholds, lateAfter, inquiryReplyWithin, now);
        correction.CorrectionOf = Id;
        correction.RecordedLate = RecordedLate; // a correction is late by nature; timeliness is the original's
        correction.CorrectionReason = reason;
        correction.EscalationId = EscalationId;
        correction.IsRevisit = IsRevisit;

        // The reply promised on the original stays promised (and answered, if it was).
        if (InquiryReplyDueBy is not null && correction.PendingInquiry is null)
        {
            correction.PendingInquiry = PendingInquiry;
            correction.InquiryReplyDueBy = InquiryReplyDueBy;
        }

        correction.InquiryRepliedAt = InquiryRepliedAt;
        correction.InquiryReply = InquiryReply;
        correction.InquiryOverdueAt = InquiryOverdueAt;
        SupersededBy = id;
        Version++;
        return correction;
    }

    public void LinkEscalation(Guid escalationId)
    {
        EscalationId = escalationId;
    }

    /// <summary>
    /// Concludes recording this feedback on <paramref name="task"/> once the loop has run: raises
    /// <see cref="FeedbackRecorded"/> with the escalation the loop opened, joined, reopened or closed (if any).
    /// </summary>
    public void Concluded(VisitTask task, Guid? escalationId, string? escalation, DateTimeOffset now) =>
        Raise(new FeedbackRecorded(this, task, escalationId, escalation, now));

    /// <summary>
    /// Concludes this record's correction by <paramref name="correction"/> (see <see cref="Correct"/>) once the
    /// loop has run: raises <see cref="FeedbackCorrected"/> with the escalation the correction opened or joined.
    /// </summary>
    public void CorrectionConcluded(FeedbackRecord correction, Guid? escalationId, DateTimeOffset now)
    {
        if (correction.CorrectionOf != Id)
        {
            throw new ArgumentException("Not a correction of this record.", nameof(correction));
        }

        Raise(new FeedbackCorrected(this, correction, escalationId, now));
    }

    /// <summary>False when there is no open inquiry to reply to.</summary>
    public bool ReplyToInquiry(string reply, DateTimeOffset now) => ReplyToInquiry(reply, null, now);

    /// <inheritdoc cref="ReplyToInquiry(string, DateTimeOffset)"/>
    /// <param name="by">Who answered, kept in the record's history.</param>
    public bool ReplyToInquiry(string reply, string? by, DateTimeOffset now)
    {
        if (!InquiryOpen || SupersededBy is not null)
        {
            return false;
        }

        InquiryReply = reply;
        InquiryRepliedAt = now.ToUniversalTime();
        Version++;
        Raise(new FeedbackInquiryReplied(this, by, now));
        return true;
    }

    /// <summary>True the first time the promised reply is found late.</summary>
    public bool MarkInquiryOverdue(DateTimeOffset now)
    {
        if (!InquiryOpen || InquiryOverdueAt is not null || now <= InquiryReplyDueBy)
        {
            return false;
        }

        InquiryOverdueAt = now.ToUniversalTime();
        Version++;
        Raise(new FeedbackInquiryFoundOverdue(this, now));
        return true;
    }

    public void ErasePersonalData(string pseudonym, DateTimeOffset now)
    {
        CustomerExternalId = pseudonym;
        Comment = Erased(Comment);
        Suggestions = Erased(Suggestions);
        UnresolvedProblems = Erased(UnresolvedProblems);
        PendingInquiry = Erased(PendingInquiry);
        InquiryReply = Erased(InquiryReply);
        CorrectionReason = Erased(CorrectionReason);
        Answers = GivenAnswers.ErasedTexts(Answers, VisitTask.ErasedText);
        PersonalDataErasedAt ??= now.ToUniversalTime();
        Version++;
    }

    private static string? Erased(string? text) => text is null ? null : VisitTask.ErasedText;
}
