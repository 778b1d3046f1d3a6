using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.SpotChecks;
using HuiFang.Api.Infrastructure.Persistence;
using Contracts = HuiFang.Contracts;

namespace HuiFang.Api.Features.SpotChecks;

/// <summary>
/// What each spot-check event owes: its entry in the check's history (opened, pick-judged, completed) and, for opening
/// and completing, its integration event on the check's own stream (<c>spot-check/{id}</c>), so a check's events come in order.
/// </summary>
public sealed class SpotCheckRecorder : IDomainEventRecorder
{
    public const string Subject = "SpotCheck";

    public static string Stream(Guid id) => $"spot-check/{id}";

    public bool TryRecord(IDomainEvent e, EventRecording into)
    {
        switch (e)
        {
            case SpotCheckOpened(var s, var now):
                into.Audit(Subject, s.Id, "opened", s.Version, new
                {
                    month = s.Month, level = s.Level, department = s.Department, percent = s.Percent, countPerAgent = s.CountPerAgent,
                    ruleFromPolicy = s.RuleFromPolicy, population = s.Population, agents = s.Agents, picks = s.Picks.Count,
                });
                into.Publish(
                    new Contracts.SpotCheckOpened(Guid.CreateVersion7(now), now, into.TenantId, s.Id, s.Month, s.Level.ToString(), s.Department,
                        s.Percent, s.CountPerAgent, s.Population, s.Agents, s.Picks.Count, s.OpenedBy),
                    Stream(s.Id));
                return true;
            case SpotCheckPickJudged(var s, var p, var changed, _):
                into.Audit(Subject, s.Id, changed ? "pick-rejudged" : "pick-judged", s.Version, new
                {
                    pickId = p.Id, feedbackId = p.FeedbackId, taskId = p.TaskId, real = p.Real, complete = p.Complete, objective = p.Objective,
                    onTime = p.OnTime, passed = p.Passed, reasons = p.Reasons,
                }, p.Note);
                return true;
            case SpotCheckCompleted(var s, var note, var now):
                var picks = s.Picks;
                into.Audit(Subject, s.Id, "completed", s.Version, new { checkedPicks = picks.Count, passed = s.PassedCount, failed = s.FailedCount }, note);
                into.Publish(
                    new Contracts.SpotCheckCompleted(Guid.CreateVersion7(now), now, into.TenantId, s.Id, s.Month, s.Level.ToString(), s.Department,
                        picks.Count, s.PassedCount, s.FailedCount, SpotCheckResponse.PassRateOf(s.PassedCount, picks.Count),
                        picks.Count(p => p.Real == false), picks.Count(p => p.Complete == false), picks.Count(p => p.Objective == false),
                        picks.Count(p => p.OnTime == false), s.CompletedBy!),
                    Stream(s.Id));
                return true;
            default:
                return false;
        }
    }
}
