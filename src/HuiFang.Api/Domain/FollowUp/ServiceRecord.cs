using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Tenants;
using HuiFang.Api.Domain.VisitTasks;

namespace HuiFang.Api.Domain.FollowUp;

/// <summary>How a service record reached HuiFang.</summary>
public enum IntakeSource
{
    /// <summary>POST /api/v1/service-records (single or batch).</summary>
    Api,

    /// <summary>A <c>ServiceRecordCompleted</c> message from RabbitMQ.</summary>
    Broker,
}

/// <summary>What came of a service record.</summary>
public enum IntakeOutcome
{
    /// <summary>Chosen by the policy; a visit task was planned.</summary>
    Selected,

    /// <summary>Chosen by the policy; a visit task for the work order existed already and is linked.</summary>
    AlreadyPlanned,

    /// <summary>Chosen by the policy, but the customer had a follow-up within the do-not-disturb window: no task. The month's quota picks another record.</summary>
    DoNotDisturb,

    /// <summary>Not chosen by the policy.</summary>
    NotSelected,

    /// <summary>Chosen by the policy, but the customer asked not to be contacted (不再打扰): no task. The month's quota picks another record.</summary>
    DoNotContact,
}

/// <summary>
/// A completed job (服务工单) reported to HuiFang, with the follow-up policy's decision about it. Written
/// once and never changed except by erasure: it is the audit record of the decision. One per work-order
/// number and tenant.
/// </summary>
public sealed class ServiceRecord : ITenantOwned
{
    private ServiceRecord()
    {
    }

    public Guid Id { get; private set; }

    public string TenantId { get; private set; } = "";

    public string WorkOrderNo { get; private set; } = "";

    public string CustomerExternalId { get; private set; } = "";

    public string CustomerName { get; private set; } = "";

    public string? CustomerPhone { get; private set; }

    public ContactChannel? CustomerPreferredChannel { get; private set; }

    public string ServiceType { get; private set; } = "";

    public string? Description { get; private set; }

    public DateTimeOffset CompletedAt { get; private set; }

    public string? Staff { get; private set; }

    public string? Department { get; private set; }

    public IntakeSource Source { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>The tenant-local month of completion ("2026-11"): the sampling period.</summary>
    public string Month { get; private set; } = "";

    public string RuleName { get; private set; } = "";

    /// <summary>True when no rule names the service type and the default rule decided.</summary>
    public bool DefaultRuleApplied { get; private set; }

    public SelectionMode Mode { get; private set; }

    public int Position { get; private set; }

    public int SelectedBefore { get; private set; }

    public double Rate { get; private set; }

    public double Target { get; private set; }

    public double? HashScore { get; private set; }

    public int? TierFrom { get; private set; }

    public int? TierUpTo { get; private set; }

    public int? TierPercent { get; private set; }

    public int? TierCount { get; private set; }

    public SelectionReason Reason { get; private set; }

    public IntakeOutcome Outcome { get; private set; }

    public VisitPurpose Purpose { get; private set; }

    public ContactChannel Channel { get; private set; }

    public TimingKind Timing { get; private set; }

    public DateTimeOffset? DueFrom { get; private set; }

    public DateTimeOffset? DueBy { get; private set; }

    public Guid? VisitTaskId { get; private set; }

    /// <summary>For <see cref="IntakeOutcome.DoNotDisturb"/>: the customer's visit that was too close.</summary>
    public Guid? ConflictingTaskId { get; private set; }

    /// <summary>The tenant settings' version whose policy decided.</summary>
    public int PolicyVersion { get; private set; }

    public DateTimeOffset? PersonalDataErasedAt { get; private set; }

    /// <summary>Whether the record counts as a visit in the month's quota: the policy chose it and a task stands for it.</summary>
    public bool Selected => CountsAsVisit(Outcome);

    /// <summary>Selected and AlreadyPlanned count as visits; a record held back by do-not-disturb or do-not-contact does not, so the quota picks another.</summary>
    public static bool CountsAsVisit(IntakeOutcome outcome) => outcome is IntakeOutcome.Selected or IntakeOutcome.AlreadyPlanned;

    public static ServiceRecord Receive(
        Guid id,
        CustomerInfo customer,
        ServiceRecordInfo service,
        IntakeSource source,
        DateTimeOffset now,
        string month,
        SelectionRule rule,
        bool defaultRuleApplied,
        SamplingDecision decision,
        ContactChannel channel,
        TimingKind timing,
        int policyVersion) => new()
    {
        Id = id,
        WorkOrderNo = service.WorkOrderNo,
        CustomerExternalId = customer.ExternalId,
        CustomerName = customer.Name,
        CustomerPhone = customer.Phone,
        CustomerPreferredChannel = customer.PreferredChannel,
        ServiceType = service.ServiceType,
        Description = service.Description,
        CompletedAt = service.CompletedAt.ToUniversalTime(),
        Staff = service.Staff,
        Department = service.Department,
        Source = source,
        ReceivedAt = now.ToUniversalTime(),
        Month = month,
        RuleName = rule.Name,
        DefaultRuleApplied = defaultRuleApplied,
        Mode = rule.Mode,
        Position = decision.Position,
        SelectedBefore = decision.SelectedBefore,
        Rate = decision.Rate,
        Target = decision.Target,
        HashScore = decision.HashScore,
        TierFrom = decision.TierFrom,
        TierUpTo = decision.Tier?.UpTo,
        TierPercent = decision.Tier?.Percent,
        TierCount = decision.Tier?.Count,
        Reason = decision.Reason,
        Outcome = IntakeOutcome.NotSelected,
        Purpose = rule.Purpose,
        Channel = channel,
        Timing = timing,
        PolicyVersion = policyVersion,
    };

    public void Planned(VisitTask task)
    {
        Outcome = IntakeOutcome.Selected;
        VisitTaskId = task.Id;
        DueFrom = task.DueFrom;
        DueBy = task.DueBy;
    }

    public void LinkedTo(Guid existingTaskId)
    {
        Outcome = IntakeOutcome.AlreadyPlanned;
        VisitTaskId = existingTaskId;
    }

    public void HeldBackByDoNotDisturb(Guid conflictingTaskId, DueWindow window)
    {
        Outcome = IntakeOutcome.DoNotDisturb;
        ConflictingTaskId = conflictingTaskId;
        DueFrom = window.From.ToUniversalTime();
        DueBy = window.By.ToUniversalTime();
    }

    /// <summary>The customer asked not to be contacted: no task; the record does not count as a visit, so the quota picks another.</summary>
    public void HeldBackByDoNotContact(DueWindow window)
    {
        Outcome = IntakeOutcome.DoNotContact;
        DueFrom = window.From.ToUniversalTime();
        DueBy = window.By.ToUniversalTime();
    }

    /// <summary>Whether a repeated report of the same work order says the same thing (then it is a replay, not a conflict).</summary>
    public bool SameAs(CustomerInfo customer, ServiceRecordInfo service) =>
        CustomerExternalId == customer.ExternalId
        && string.Equals(ServiceType, service.ServiceType, StringComparison.OrdinalIgnoreCase)
        && CompletedAt == service.CompletedAt.ToUniversalTime();

    public void ErasePersonalData(string pseudonym, DateTimeOffset now)
    {
        CustomerExternalId = pseudonym;
        CustomerName = VisitTask.ErasedText;
        CustomerPhone = null;
        Description = Description is null ? null : VisitTask.ErasedText;
        PersonalDataErasedAt ??= now.ToUniversalTime();
    }
}
