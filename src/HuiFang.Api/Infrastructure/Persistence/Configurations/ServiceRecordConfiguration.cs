using HuiFang.Api.Domain.Common;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.FollowUp;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HuiFang.Api.Infrastructure.Persistence.Configurations;

public sealed class ServiceRecordConfiguration : IEntityTypeConfiguration<ServiceRecord>
{
    public void Configure(EntityTypeBuilder<ServiceRecord> b)
    {
        b.ToTable("ServiceRecords");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.TenantId).HasMaxLength(FieldLimits.TenantId).IsRequired();
        b.Property(r => r.WorkOrderNo).HasMaxLength(FieldLimits.WorkOrderNo).IsRequired();
        b.Property(r => r.CustomerExternalId).HasMaxLength(FieldLimits.ExternalId).IsRequired();
        b.Property(r => r.CustomerName).HasMaxLength(FieldLimits.Name).IsRequired();
        b.Property(r => r.CustomerPhone).HasMaxLength(FieldLimits.Phone);
        b.Property(r => r.ServiceType).HasMaxLength(FieldLimits.Code).IsRequired();
        b.Property(r => r.Description).HasMaxLength(FieldLimits.LongText);
        b.Property(r => r.Staff).HasMaxLength(FieldLimits.Name);
        b.Property(r => r.Department).HasMaxLength(FieldLimits.Code);
        b.Property(r => r.Month).HasMaxLength(7).IsRequired();
        b.Property(r => r.RuleName).HasMaxLength(FieldLimits.Code).IsRequired();
        b.Ignore(r => r.Selected);

        // Idempotent intake: one record per work order and tenant, whichever way it arrived.
        b.HasIndex(r => new { r.TenantId, r.WorkOrderNo }).IsUnique();

        // The month's volume and chosen count of a rule (per outcome), read under the sampling lock by every decision.
        b.HasIndex(r => new { r.TenantId, r.RuleName, r.Month, r.Outcome });

        // Coverage reports by completion date.
        b.HasIndex(r => new { r.TenantId, r.CompletedAt });
        b.HasIndex(r => new { r.TenantId, r.CustomerExternalId });
    }
}
