using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HuiFang.Api.Infrastructure.Persistence.Configurations;

public sealed class VisitTaskConfiguration : IEntityTypeConfiguration<VisitTask>
{
    public void Configure(EntityTypeBuilder<VisitTask> b)
    {
        b.ToTable("VisitTasks");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.TenantId).HasMaxLength(FieldLimits.TenantId).IsRequired();
        b.Property(t => t.CustomerExternalId).HasMaxLength(FieldLimits.ExternalId).IsRequired();
        b.Property(t => t.CustomerName).HasMaxLength(FieldLimits.Name).IsRequired();
        b.Property(t => t.CustomerPhone).HasMaxLength(FieldLimits.Phone);
        b.Property(t => t.WorkOrderNo).HasMaxLength(FieldLimits.WorkOrderNo).IsRequired();
        b.Property(t => t.ServiceType).HasMaxLength(FieldLimits.Code).IsRequired();
        b.Property(t => t.ServiceDescription).HasMaxLength(FieldLimits.LongText);
        b.Property(t => t.ServiceStaff).HasMaxLength(FieldLimits.Name);
        b.Property(t => t.ServiceDepartment).HasMaxLength(FieldLimits.Code);
        b.Property(t => t.Assignee).HasMaxLength(FieldLimits.Name);
        b.Property(t => t.DoNotDisturbOverrideReason).HasMaxLength(FieldLimits.Reason);
        b.Property(t => t.CancellationReason).HasMaxLength(FieldLimits.Reason);
        b.Property(t => t.Version).IsConcurrencyToken();

        // One task per tenant, work order and purpose; a cancelled task does not block a new one, and
        // revisits (one per handling cycle of an escalation) are outside the rule.
        // Every index leads with the tenant: each query is filtered by it.
        b.HasIndex(t => new { t.TenantId, t.WorkOrderNo, t.Purpose })
            .IsUnique()
            .HasFilter("\"Status\" <> 'Cancelled' AND \"EscalationId\" IS NULL")
            .HasDatabaseName("UX_VisitTasks_WorkOrder_Purpose_Active");
        b.HasIndex(t => new { t.TenantId, t.CustomerExternalId, t.ScheduledFor });
        b.HasIndex(t => new { t.TenantId, t.DueBy, t.Id });
        b.HasIndex(t => new { t.TenantId, t.Status, t.DueBy });
        b.HasIndex(t => new { t.TenantId, t.Assignee, t.DueBy });
        b.HasIndex(t => t.EscalationId).HasFilter("\"EscalationId\" IS NOT NULL");

        // The SLA monitor's overdue scan, across tenants: only open tasks not yet reported, by deadline,
        // so a tick costs what falls due, not what is open.
        b.HasIndex(t => t.DueBy)
            .HasFilter("\"Status\" IN ('Pending', 'Assigned') AND \"OverdueRaisedAt\" IS NULL")
            .HasDatabaseName("IX_VisitTasks_OverdueScan");

        b.Navigation(t => t.Attempts).HasField("_attempts").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.OwnsMany(t => t.Attempts, a =>
        {
            a.ToTable("VisitTaskAttempts");
            a.WithOwner().HasForeignKey("VisitTaskId");
            a.HasKey(x => x.Id);
            a.Property(x => x.Id).ValueGeneratedNever();
            a.Property(x => x.Note).HasMaxLength(FieldLimits.LongText);
            a.Property(x => x.RecordedBy).HasMaxLength(FieldLimits.Name);
        });
    }
}
