namespace HuiFang.Api.Domain.Escalations;

/// <summary>The feedback a revisit recorded, as the loop sees it: it closes the loop or reopens the escalation.</summary>
/// <param name="RevisitTaskId">The revisit task.</param>
/// <param name="FeedbackId">The feedback recorded on it.</param>
/// <param name="Score">Its score.</param>
/// <param name="UnresolvedProblems">What the customer says is still wrong (the reopen's note).</param>
public sealed record RevisitAnswer(Guid RevisitTaskId, Guid FeedbackId, int Score, string? UnresolvedProblems);
