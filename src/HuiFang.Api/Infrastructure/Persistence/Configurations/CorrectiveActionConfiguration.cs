using HuiFang.Api.Common;
using HuiFang.Api.Domain.CorrectiveActions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HuiFang.Api.Infrastructure.Persistence.Configurations;

public sealed class CorrectiveActionConfiguration : IEntityTypeConfiguration<CorrectiveAction>
{
    public void Configure(EntityTypeBuilder<CorrectiveAction> b)
    {
        b.ToTable("CorrectiveActions");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.TenantId).HasMaxLength(FieldLimits.TenantId).IsRequired();
        b.Property(a => a.NonConformity).HasMaxLength(FieldLimits.LongText).IsRequired();
        b.Property(a => a.RootCause).HasMaxLength(FieldLimits.LongText);
        b.Property(a => a.CorrectiveMeasure).HasMaxLength(FieldLimits.LongText);
        b.Property(a => a.PreventiveMeasure).HasMaxLength(FieldLimits.LongText);
        b.Property(a => a.Owner).HasMaxLength(FieldLimits.Name);
        b.Property(a => a.ProblemServiceType).HasMaxLength(FieldLimits.Code);
        b.Property(a => a.ProblemDepartment).HasMaxLength(FieldLimits.Code);
        b.Property(a => a.ProblemKeyText).HasMaxLength(ProblemKey.MaxLength);
        b.Property(a => a.Department).HasMaxLength(FieldLimits.Code);
        b.Property(a => a.OpenedBy).HasMaxLength(CorrectiveAction.MaxByLength);
        b.Property(a => a.ImplementedBy).HasMaxLength(CorrectiveAction.MaxByLength);
        b.Property(a => a.VerifiedBy).HasMaxLength(CorrectiveAction.MaxByLength);
        b.Property(a => a.ClosedBy).HasMaxLength(CorrectiveAction.MaxByLength);
        b.Property(a => a.DismissedBy).HasMaxLength(CorrectiveAction.MaxByLength);
        b.Property(a => a.VerificationNote).HasMaxLength(FieldLimits.LongText);
        b.Property(a => a.DismissReason).HasMaxLength(FieldLimits.Reason);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.Ignore(a => a.Problem);
        b.Ignore(a => a.Evidence);
        b.Ignore(a => a.FeedbackIds);
        b.Ignore(a => a.EscalationIds);
        b.Ignore(a => a.IsLive);

        // At most one live action (proposed, open, implemented) per problem: the recurrence rule proposes only when none is.
        b.HasIndex(a => new { a.TenantId, a.ProblemKeyText })
            .IsUnique()
            .HasFilter("\"ProblemKeyText\" IS NOT NULL AND \"Status\" IN ('Proposed', 'Open', 'Implemented')")
            .HasDatabaseName("UX_CorrectiveActions_OneLivePerProblem");

        // The list (newest first, by status or department) and the report (opened in a period).
        b.HasIndex(a => new { a.TenantId, a.OpenedAt, a.Id });
        b.HasIndex(a => new { a.TenantId, a.Status, a.OpenedAt });
        b.HasIndex(a => new { a.TenantId, a.Department, a.OpenedAt });

        // The overdue monitor's scan, across tenants: actions not implemented yet, by due instant.
        b.HasIndex(a => a.DueAt)
            .HasFilter("\"Status\" IN ('Proposed', 'Open')")
            .HasDatabaseName("IX_CorrectiveActions_OverdueScan");

        b.Navigation(a => a.Links).HasField("_links").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.OwnsMany(a => a.Links, l =>
        {
            l.ToTable("CorrectiveActionLinks");
            l.WithOwner().HasForeignKey("CorrectiveActionId");
            l.HasKey("CorrectiveActionId", nameof(CorrectiveActionLink.Kind), nameof(CorrectiveActionLink.TargetId));
            l.Property(x => x.LinkedBy).HasMaxLength(CorrectiveAction.MaxByLength);

            // Which actions a feedback record or an escalation is linked to.
            l.HasIndex(x => x.TargetId);
        });
    }
}
