using HuiFang.Api.Services.Policies;
namespace HuiFang.Api.Domain.Tenants;

/// <summary>
/// Implemented by every row that belongs to one tenant. The database context fills <see cref="TenantId"/>
/// from the caller on insert, refuses to move a row to another tenant, and filters every query by it.
/// </summary>
public interface ITenantOwned
{
    string TenantId { get; }
}

/// <summary>
/// An organisation (business unit or client company) whose data is kept apart from every other's, with
/// the settings that differ between organisations. A tenant without its own calendar uses the service's
/// default (<c>HuiFang:Calendar</c>).
/// </summary>
public sealed class Tenant
{
    private Tenant()
    {
    }

    public string Id { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>The tenant's business calendar as JSON (shape of <c>HuiFang:Calendar</c>), or null for the default.</summary>
    public string? CalendarJson { get; private set; }

    /// <summary>The tenant's feedback and escalation rules as JSON (shape of <c>EscalationPolicy</c>), or null for the defaults.</summary>
    public string? EscalationPolicyJson { get; private set; }

    /// <summary>The tenant's follow-up policy as JSON (shape of <c>FollowUpPolicySettings</c>), or null for the defaults.</summary>
    public string? FollowUpPolicyJson { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the settings document (name and calendar) last changed.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>
    /// The settings document's version (name and calendar). Each settings document of a tenant — these settings,
    /// the escalation policy, the follow-up policy — has a version of its own: a change of one never moves another's
    /// ETag, and a decision that records the policy version it used names a version that policy had.
    /// </summary>
    public int Version { get; private set; }

    /// <summary>When the escalation policy last changed; null while it never did (the defaults).</summary>
    public DateTimeOffset? EscalationPolicyUpdatedAt { get; private set; }

    /// <summary>The escalation policy's version: 0 for the defaults never changed, one more on each change.</summary>
    public int EscalationPolicyVersion { get; private set; }

    /// <summary>When the follow-up policy last changed; null while it never did (the defaults).</summary>
    public DateTimeOffset? FollowUpPolicyUpdatedAt { get; private set; }

    /// <summary>The follow-up policy's version: 0 for the defaults never changed, one more on each change.</summary>
    public int FollowUpPolicyVersion { get; private set; }

    /// <summary>The tenant's survey-invitation policy as JSON (shape of <c>SurveyPolicySettings</c>), or null for the defaults.</summary>
    public string? SurveyPolicyJson { get; private set; }

    /// <summary>When the survey policy last changed; null while it never did (the defaults).</summary>
    public DateTimeOffset? SurveyPolicyUpdatedAt { get; private set; }

    /// <summary>The survey policy's version: 0 for the defaults never changed, one more on each change.</summary>
    public int SurveyPolicyVersion { get; private set; }

    /// <summary>The tenant's quality policy as JSON (shape of <c>QualityPolicySettings</c>), or null for the defaults.</summary>
    public string? QualityPolicyJson { get; private set; }

    /// <summary>When the quality policy last changed; null while it never did (the defaults).</summary>
    public DateTimeOffset? QualityPolicyUpdatedAt { get; private set; }

    /// <summary>The quality policy's version: 0 for the defaults never changed, one more on each change.</summary>
    public int QualityPolicyVersion { get; private set; }

    public static Tenant Create(string id, string name, DateTimeOffset now) => new()
    {
        Id = id,
        Name = name,
        CreatedAt = now.ToUniversalTime(),
        UpdatedAt = now.ToUniversalTime(),
        Version = 1,
    };

    public void SetEscalationPolicy(string? policyJson, DateTimeOffset now)
    {
        EscalationPolicyJson = policyJson;
        EscalationPolicyUpdatedAt = now.ToUniversalTime();
        EscalationPolicyVersion++;
    }

    public void SetFollowUpPolicy(string? policyJson, DateTimeOffset now)
    {
        FollowUpPolicyJson = policyJson;
        FollowUpPolicyUpdatedAt = now.ToUniversalTime();
        FollowUpPolicyVersion++;
    }

    public void SetSurveyPolicy(string? policyJson, DateTimeOffset now)
    {
        SurveyPolicyJson = policyJson;
        SurveyPolicyUpdatedAt = now.ToUniversalTime();
        SurveyPolicyVersion++;
    }

    public void SetQualityPolicy(string? policyJson, DateTimeOffset now)
    {
        QualityPolicyJson = policyJson;
        QualityPolicyUpdatedAt = now.ToUniversalTime();
        QualityPolicyVersion++;
    }

    public void Update(string name, string? calendarJson, DateTimeOffset now)
    {
        Name = name;
        CalendarJson = calendarJson;
        UpdatedAt = now.ToUniversalTime();
        Version++;
    }
}
