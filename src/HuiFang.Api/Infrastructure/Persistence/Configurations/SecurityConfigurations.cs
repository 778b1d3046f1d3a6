using HuiFang.Api.Domain.Audit;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Tenants;
using HuiFang.Api.Infrastructure.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HuiFang.Api.Infrastructure.Persistence.Configurations;

public sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> b)
    {
        b.ToTable("Tenants");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).HasMaxLength(FieldLimits.TenantId);
        b.Property(t => t.Name).HasMaxLength(FieldLimits.Name).IsRequired();
        b.Property(t => t.CalendarJson).HasMaxLength(FieldLimits.CalendarJson);
        // One version per settings document, each a concurrency token: two changes of the tenant row made from
        // the same read cannot both win (a change of another document at the same instant is answered 409 too).
        b.Property(t => t.Version).IsConcurrencyToken();
        b.Property(t => t.EscalationPolicyVersion).IsConcurrencyToken();
        b.Property(t => t.FollowUpPolicyVersion).IsConcurrencyToken();
        b.Property(t => t.SurveyPolicyVersion).IsConcurrencyToken();
        b.Property(t => t.QualityPolicyVersion).IsConcurrencyToken();
    }
}

public sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.ToTable("ApiKeys");
        b.HasKey(k => k.Id);
        b.Property(k => k.Id).ValueGeneratedNever();
        b.Property(k => k.TenantId).HasMaxLength(FieldLimits.TenantId).IsRequired();
        b.Property(k => k.Name).HasMaxLength(FieldLimits.Name).IsRequired();
        b.Property(k => k.Prefix).HasMaxLength(16).IsRequired();
        b.Property(k => k.Hash).HasMaxLength(FieldLimits.Hash).IsRequired();
        b.Property(k => k.Scopes).HasMaxLength(500).IsRequired();
        b.Property(k => k.CreatedBy).HasMaxLength(FieldLimits.Name).IsRequired();
        b.Property(k => k.RevokedBy).HasMaxLength(FieldLimits.Name);
        b.Ignore(k => k.ScopeList);
        b.HasIndex(k => k.Hash).IsUnique();
        b.HasIndex(k => new { k.TenantId, k.CreatedAt });
        b.HasOne<Tenant>().WithMany().HasForeignKey(k => k.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.TenantId).HasMaxLength(FieldLimits.TenantId).IsRequired();
        b.Property(e => e.SubjectType).HasMaxLength(32).IsRequired();
        b.Property(e => e.SubjectId).HasMaxLength(FieldLimits.ExternalId).IsRequired();
        b.Property(e => e.Action).HasMaxLength(48).IsRequired();
        b.Property(e => e.ActorKind).HasMaxLength(16).IsRequired();
        b.Property(e => e.ActorId).HasMaxLength(FieldLimits.Name).IsRequired();
        b.Property(e => e.ActorName).HasMaxLength(FieldLimits.Name).IsRequired();
        b.Property(e => e.Details).HasMaxLength(FieldLimits.LongText);
        b.Property(e => e.Note).HasMaxLength(FieldLimits.LongText);
        b.HasIndex(e => new { e.TenantId, e.SubjectType, e.SubjectId, e.OccurredAt });
    }
}

public sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.ToTable("IdempotencyRecords");
        b.HasKey(r => new { r.TenantId, r.CallerId, r.Key });
        b.Property(r => r.TenantId).HasMaxLength(FieldLimits.TenantId);
        b.Property(r => r.CallerId).HasMaxLength(FieldLimits.Name);
        b.Property(r => r.Key).HasMaxLength(FieldLimits.IdempotencyKey);
        b.Property(r => r.Fingerprint).HasMaxLength(FieldLimits.Hash).IsRequired();
        b.Property(r => r.Headers).HasMaxLength(4000).IsRequired();
        b.HasIndex(r => r.ExpiresAt);
    }
}
