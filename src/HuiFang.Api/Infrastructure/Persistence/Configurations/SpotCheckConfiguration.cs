using System.Text.Json;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.SpotChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HuiFang.Api.Infrastructure.Persistence.Configurations;

public sealed class SpotCheckConfiguration : IEntityTypeConfiguration<SpotCheck>
{
    /// <summary>A pick's short text lists (missing fields, subjective words, reasons), as a JSON array.</summary>
    public const int ListJsonLength = 4000;

    private static readonly ValueComparer<IReadOnlyList<string>> ListComparer = new(
        (a, b) => (a == null && b == null) || (a != null && b != null && a.SequenceEqual(b)),
        a => a.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode(StringComparison.Ordinal))),
        a => a.ToList());

    public void Configure(EntityTypeBuilder<SpotCheck> b)
    {
        b.ToTable("SpotChecks");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.TenantId).HasMaxLength(FieldLimits.TenantId).IsRequired();
        b.Property(s => s.Month).HasMaxLength(7).IsRequired();
        b.Property(s => s.Department).HasMaxLength(FieldLimits.Code);
        b.Property(s => s.OpenedBy).HasMaxLength(FieldLimits.Reason).IsRequired();
        b.Property(s => s.CompletedBy).HasMaxLength(FieldLimits.Reason);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.Ignore(s => s.Rule);
        b.Ignore(s => s.Judged);
        b.Ignore(s => s.PassedCount);
        b.Ignore(s => s.FailedCount);

        // The list, newest first, with its filters; the report's period scan goes through the picks' own index.
        b.HasIndex(s => new { s.TenantId, s.Month, s.Level });
        b.HasIndex(s => new { s.TenantId, s.Status });

        b.Navigation(s => s.Picks).HasField("_picks").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.OwnsMany(s => s.Picks, p =>
        {
            p.ToTable("SpotCheckPicks");
            p.WithOwner().HasForeignKey("SpotCheckId");
            p.HasKey(x => x.Id);
            p.Property(x => x.Id).ValueGeneratedNever();
            p.Property(x => x.WorkOrderNo).HasMaxLength(FieldLimits.WorkOrderNo).IsRequired();
            p.Property(x => x.Agent).HasMaxLength(FieldLimits.Name);
            p.Property(x => x.Department).HasMaxLength(FieldLimits.Code);
            p.Property(x => x.HashInput).HasMaxLength(200).IsRequired();
            p.Property(x => x.Note).HasMaxLength(FieldLimits.LongText);
            p.Property(x => x.JudgedBy).HasMaxLength(FieldLimits.Reason);
            MapList(p.Property(x => x.MissingFields), "MissingFieldsJson");
            MapList(p.Property(x => x.SubjectiveWords), "SubjectiveWordsJson");
            MapList(p.Property(x => x.Reasons), "ReasonsJson");
            p.Ignore(x => x.IsJudged);
            p.Ignore(x => x.Facts);
            p.Ignore(x => x.Judgment);
            p.HasIndex(x => x.RecordedAt);
        });
    }

    private static void MapList(PropertyBuilder<IReadOnlyList<string>> property, string column) =>
        property.HasColumnName(column)
            .HasMaxLength(ListJsonLength)
            .IsRequired()
            .HasConversion(
                list => JsonSerializer.Serialize(list, FeedbackRecordConfiguration.AnswersJson),
                json => JsonSerializer.Deserialize<List<string>>(json, FeedbackRecordConfiguration.AnswersJson) ?? new List<string>(),
                ListComparer);
}
