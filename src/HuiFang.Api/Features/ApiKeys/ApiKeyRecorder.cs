using HuiFang.Api.Common;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Tenants;

namespace HuiFang.Api.Features.ApiKeys;

/// <summary>What each API-key event owes: its entry in the key's history (keys carry no version, and publish nothing).</summary>
public sealed class ApiKeyRecorder : IDomainEventRecorder
{
    public bool TryRecord(IDomainEvent e, EventRecording into)
    {
        switch (e)
        {
            case ApiKeyCreated(var key, _):
                into.Audit(AuditSubjects.ApiKey, key.Id, "created", null, new { scopes = key.ScopeList, expiresAt = key.ExpiresAt });
                return true;
            case ApiKeyRevoked(var key, _):
                into.Audit(AuditSubjects.ApiKey, key.Id, "revoked", null);
                return true;
            default:
                return false;
        }
    }
}
