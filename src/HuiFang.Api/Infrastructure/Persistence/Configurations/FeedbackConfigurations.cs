using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using HuiFang.Api.Domain.Escalations;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Feedback;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HuiFang.Api.Infrastructure.Persistence.Configurations;

public sealed class FeedbackRecordConfiguration : IEntityTypeConfiguration<FeedbackRecord>
{
    /// <summary>How the answers are stored: camelCase JSON, kinds by name, empty fields left out, text unescaped.</summary>
    internal static readonly JsonSerializerOptions AnswersJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public void Configure(EntityTypeBuilder<FeedbackRecord> b)
    {
        b.ToTable("FeedbackRecords");
        b.HasKey(f => f.Id);
        b.Property(f => f.Id).ValueGeneratedNever();
        b.Property(f => f.TenantId).HasMaxLength(FieldLimits.TenantId).IsRequired();
        b.Property(f => f.CustomerExternalId).HasMaxLength(FieldLimits.ExternalId).IsRequired();
        b.Property(f => f.WorkOrderNo).HasMaxLength(FieldLimits.WorkOrderNo).IsRequired();
        b.Property(f => f.ServiceType).HasMaxLength(FieldLimits.Code).IsRequired();
        b.Property(f => f.Department).HasMaxLength(FieldLimits.Code);
        b.Property(f => f.Assignee).HasMaxLength(FieldLimits.Name);
        b.Property(f => f.Comment).HasMaxLength(FieldLimits.LongText);
        b.Property(f => f.Suggestions).HasMaxLength(FieldLimits.LongText);
        b.Property(f => f.UnresolvedProblems).HasMaxLength(FieldLimits.LongText);
        b.Property(f => f.RecordedBy).HasMaxLength(FieldLimits.Name);
        b.Property(f => f.PendingInquiry).HasMaxLength(FieldLimits.LongText);
        b.Property(f => f.InquiryReply).HasMaxLength(FieldLimits.LongText);
        b.Property(f => f.CorrectionReason).HasMaxLength(FieldLimits.Reason);
        b.Property(f => f.Version).IsConcurrencyToken();
        b.Ignore(f => f.Categories);
        b.Ignore(f => f.GivenAnswers);

        // The answers as given, as JSON (camelCase, kinds by name); written once, replaced whole on erasure.
        b.Property(f => f.Answers)
            .HasColumnName("AnswersJson")
            .HasMaxLength(GivenAnswers.MaxJsonLength)
            .HasConversion(
                answers => answers == null ? null : JsonSerializer.Serialize(answers, AnswersJson),
                json => json == null ? null : JsonSerializer.Deserialize<List<GivenAnswer>>(json, AnswersJson),
                new ValueComparer<IReadOnlyList<GivenAnswer>?>((a, c) => ReferenceEquals(a, c), a => a == null ? 0 : a.Count, a => a));

        b.HasIndex(f => new { f.TenantId, f.TaskId, f.RecordedAt });
        b.HasIndex(f => new { f.TenantId, f.RecordedAt });
        b.HasIndex(f => new { f.TenantId, f.CustomerExternalId });

        // The monitor's scan for promised replies gone late, across tenants.
        b.HasIndex(f => f.InquiryReplyDueBy)
            .HasFilter("\"InquiryReplyDueBy\" IS NOT NULL AND \"InquiryRepliedAt\" IS NULL AND \"InquiryOverdueAt\" IS NULL AND \"SupersededBy\" IS NULL")
            .HasDatabaseName("IX_FeedbackRecords_InquiryScan");
    }
}

public sealed class EscalationConfiguration : IEntityTypeConfiguration<Escalation>
{
    public void Configure(EntityTypeBuilder<Escalation> b)
    {
        b.ToTable("Escalations");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.TenantId).HasMaxLength(FieldLimits.TenantId).IsRequired();
        b.Property(e => e.CustomerExternalId).HasMaxLength(FieldLimits.ExternalId).IsRequired();
        b.Property(e => e.WorkOrderNo).HasMaxLength(FieldLimits.WorkOrderNo).IsRequired();
        b.Property(e => e.ServiceType).HasMaxLength(FieldLimits.Code).IsRequired();
        b.Property(e => e.Department).HasMaxLength(FieldLimits.Code).IsRequired();
        b.Property(e => e.Owner).HasMaxLength(FieldLimits.Name);
        b.Property(e => e.Supervisor).HasMaxLength(FieldLimits.Name);
        b.Property(e => e.Manager).HasMaxLength(FieldLimits.Name);
        b.Property(e => e.Reason).HasMaxLength(FieldLimits.Reason);
        b.Property(e => e.Resolution).HasMaxLength(FieldLimits.LongText);
        b.Property(e => e.Version).IsConcurrencyToken();

        // The two SLA targets are one value type, stored in the columns they always had.
        b.ComplexProperty(e => e.ResponseSla, t => MapSlaTarget(t, "Response", "AcknowledgedAt"));
        b.ComplexProperty(e => e.ResolutionSla, t => MapSlaTarget(t, "Resolution", "ResolvedAt"));

        // At most one escalation per task that is not closed: a second complaint joins the open loop.
        b.HasIndex(e => new { e.TenantId, e.TaskId })
            .IsUnique()
            .HasFilter("\"Status\" <> 'Closed'")
            .HasDatabaseName("UX_Escalations_Task_NotClosed");
        b.HasIndex(e => new { e.TenantId, e.NextDueBy, e.Id });
        b.HasIndex(e => new { e.TenantId, e.Status, e.NextDueBy });
        b.HasIndex(e => new { e.TenantId, e.Department, e.NextDueBy });
        b.HasIndex(e => new { e.TenantId, e.Owner, e.NextDueBy });
        b.HasIndex(e => new { e.TenantId, e.OpenedAt });

        // The SLA monitor claims what falls due, across tenants: the index holds only escalations with
        // something left to check, so a tick costs the items falling due, not the items open.
        b.HasIndex(e => e.NextCheckAt)
            .HasFilter("\"NextCheckAt\" IS NOT NULL")
            .HasDatabaseName("IX_Escalations_NextCheck");

        b.Navigation(e => e.Notes).HasField("_notes").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.OwnsMany(e => e.Notes, n =>
        {
            n.ToTable("EscalationNotes");
            n.WithOwner().HasForeignKey("EscalationId");
            n.HasKey(x => x.Id);
            n.Property(x => x.Id).ValueGeneratedNever();
            n.Property(x => x.Text).HasMaxLength(FieldLimits.LongText);
            n.Property(x => x.By).HasMaxLength(FieldLimits.Name);
        });

        b.Navigation(e => e.Cycles).HasField("_cycles").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.OwnsMany(e => e.Cycles, c =>
        {
            c.ToTable("EscalationCycles");
            c.WithOwner().HasForeignKey("EscalationId");
            c.HasKey("EscalationId", nameof(EscalationCycle.Number));
            c.Property(x => x.Number).ValueGeneratedNever();
        });
    }

    private static void MapSlaTarget(ComplexPropertyBuilder<SlaTargetState> t, string prefix, string metAtColumn)
    {
        t.IsRequired();
        t.ComplexProperty(x => x.Target, target =>
        {
            target.IsRequired();
            target.Property(x => x.Duration).HasColumnName(prefix + "Target");
            target.Property(x => x.Clock).HasColumnName(prefix + "Clock");
        });
        t.Property(x => x.DueBy).HasColumnName(prefix + "DueBy");
        t.Property(x => x.WarnAt).HasColumnName(prefix + "WarnAt");
        t.Property(x => x.WarnedAt).HasColumnName(prefix + "WarnedAt");
        t.Property(x => x.BreachedAt).HasColumnName(prefix + "BreachedAt");
        t.Property(x => x.MetAt).HasColumnName(metAtColumn);
    }
}
