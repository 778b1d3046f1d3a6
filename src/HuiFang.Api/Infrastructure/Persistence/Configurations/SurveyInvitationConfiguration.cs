using HuiFang.Api.Common;
using HuiFang.Api.Domain.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HuiFang.Api.Infrastructure.Persistence.Configurations;

public sealed class SurveyInvitationConfiguration : IEntityTypeConfiguration<SurveyInvitation>
{
    public void Configure(EntityTypeBuilder<SurveyInvitation> b)
    {
        b.ToTable("SurveyInvitations");
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).ValueGeneratedNever();
        b.Property(i => i.TenantId).HasMaxLength(FieldLimits.TenantId).IsRequired();
        b.Property(i => i.CustomerExternalId).HasMaxLength(FieldLimits.ExternalId).IsRequired();
        b.Property(i => i.WorkOrderNo).HasMaxLength(FieldLimits.WorkOrderNo).IsRequired();
        b.Property(i => i.TokenHash).HasMaxLength(FieldLimits.Hash).IsFixedLength().IsRequired();
        b.Property(i => i.Language).HasMaxLength(8);
        b.Property(i => i.Version).IsConcurrencyToken();

        // The page finds an invitation by the hash of the token it was sent, across tenants (it has no caller).
        b.HasIndex(i => i.TokenHash).IsUnique().HasDatabaseName("UX_SurveyInvitations_TokenHash");

        // A task's invitations, newest first; at most one of them open (a new one revokes the old in the same save).
        b.HasIndex(i => new { i.TenantId, i.TaskId, i.CreatedAt });
        b.HasIndex(i => new { i.TenantId, i.TaskId })
            .IsUnique()
            .HasFilter("\"Status\" = 'Open'")
            .HasDatabaseName("UX_SurveyInvitations_OneOpenPerTask");

        // The survey invitations report: a tenant's invitations created in a period.
        b.HasIndex(i => new { i.TenantId, i.CreatedAt }).HasDatabaseName("IX_SurveyInvitations_TenantId_CreatedAt");

        // The survey monitor's scans, across tenants: open invitations by expiry, and by reminder time while not reminded.
        b.HasIndex(i => i.ExpiresAt)
            .HasFilter("\"Status\" = 'Open'")
            .HasDatabaseName("IX_SurveyInvitations_ExpiryScan");
        b.HasIndex(i => i.RemindAt)
            .HasFilter("\"Status\" = 'Open' AND \"RemindAt\" IS NOT NULL AND \"RemindedAt\" IS NULL")
            .HasDatabaseName("IX_SurveyInvitations_ReminderScan");
    }
}
