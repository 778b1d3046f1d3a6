using HuiFang.Api.Common;
using HuiFang.Api.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HuiFang.Api.Infrastructure.Persistence.Configurations;

public sealed class WeeklyReviewConfiguration : IEntityTypeConfiguration<WeeklyReview>
{
    public void Configure(EntityTypeBuilder<WeeklyReview> b)
    {
        b.ToTable("WeeklyReviews");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.TenantId).HasMaxLength(FieldLimits.TenantId).IsRequired();
        b.Property(r => r.Department).HasMaxLength(FieldLimits.Code).IsRequired();
        b.Property(r => r.Week).HasMaxLength(8).IsRequired();
        b.Property(r => r.OpenedBy).HasMaxLength(FieldLimits.Name * 2).IsRequired();
        b.Property(r => r.CompletedBy).HasMaxLength(FieldLimits.Name * 2);
        b.Property(r => r.Version).IsConcurrencyToken();

        // One review per tenant, department and week: the monitor and a caller opening the same one cannot both win.
        b.HasIndex(r => new { r.TenantId, r.Department, r.Week }).IsUnique().HasDatabaseName("UX_WeeklyReviews_TenantDepartmentWeek");

        // The list (newest week first) and the report (reviews of a period).
        b.HasIndex(r => new { r.TenantId, r.WeekStart });

        // The review monitor's overdue scan, across tenants: open reviews not yet reported, by deadline.
        b.HasIndex(r => r.DueAt)
            .HasFilter("\"Status\" = 'Open' AND \"OverdueRaisedAt\" IS NULL")
            .HasDatabaseName("IX_WeeklyReviews_OverdueScan");

        b.Navigation(r => r.Items).HasField("_items").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.OwnsMany(r => r.Items, i =>
        {
            i.ToTable("WeeklyReviewItems");
            i.WithOwner().HasForeignKey("WeeklyReviewId");
            i.HasKey(x => x.Id);
            i.Property(x => x.Id).ValueGeneratedNever();
            i.Property(x => x.WorkOrderNo).HasMaxLength(FieldLimits.WorkOrderNo).IsRequired();
            i.Property(x => x.ServiceType).HasMaxLength(FieldLimits.Code).IsRequired();
            i.Property(x => x.Assignee).HasMaxLength(FieldLimits.Name);
            i.Property(x => x.Note).HasMaxLength(FieldLimits.LongText);
            i.Property(x => x.ReviewedBy).HasMaxLength(FieldLimits.Name * 2);

            // Which visit tasks are already in a review (the monitor adds only the others).
            i.HasIndex(x => x.TaskId);
            i.HasIndex(x => x.FeedbackId);
        });
    }
}
