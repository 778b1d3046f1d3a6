using System.Text.Json;
using System.Text.Json.Serialization;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Questionnaires;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HuiFang.Api.Infrastructure.Persistence.Configurations;

public sealed class QuestionnaireConfiguration : IEntityTypeConfiguration<Questionnaire>
{
    public void Configure(EntityTypeBuilder<Questionnaire> b)
    {
        b.ToTable("Questionnaires");
        b.HasKey(q => q.Id);
        b.Property(q => q.Id).ValueGeneratedNever();
        b.Property(q => q.TenantId).HasMaxLength(FieldLimits.TenantId).IsRequired();
        b.Property(q => q.Name).HasMaxLength(QuestionnaireLimits.Name).IsRequired();
        b.Property(q => q.ServiceType).HasMaxLength(FieldLimits.Code);
        b.Property(q => q.ActiveSelectorKey).HasMaxLength(FieldLimits.Code + 64);
        b.Property(q => q.Version).IsConcurrencyToken();
        b.Ignore(q => q.Selector);

        // At most one active questionnaire per tenant and selector, so the choice for a task is never ambiguous
        // (a retired one keeps no key: NULLs do not collide on either provider).
        b.HasIndex(q => new { q.TenantId, q.ActiveSelectorKey }).IsUnique().HasDatabaseName("UX_Questionnaires_ActiveSelector");
        b.HasIndex(q => new { q.TenantId, q.Purpose, q.Status });
    }
}

public sealed class QuestionnaireVersionConfiguration : IEntityTypeConfiguration<QuestionnaireVersion>
{
    /// <summary>How a version's content is stored: camelCase JSON, enums by name.</summary>
    internal static readonly JsonSerializerOptions ContentJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public void Configure(EntityTypeBuilder<QuestionnaireVersion> b)
    {
        b.ToTable("QuestionnaireVersions");
        b.HasKey(v => new { v.QuestionnaireId, v.Version });
        b.Property(v => v.TenantId).HasMaxLength(FieldLimits.TenantId).IsRequired();

        // A version never changes once written, so the content is compared by reference.
        b.Property(v => v.Content)
            .HasColumnName("ContentJson")
            .HasConversion(
                content => JsonSerializer.Serialize(content, ContentJson),
                json => JsonSerializer.Deserialize<QuestionnaireContent>(json, ContentJson)!,
                new ValueComparer<QuestionnaireContent>((a, c) => ReferenceEquals(a, c), c => c.GetHashCode(), c => c))
            .IsRequired();
        b.HasOne<Questionnaire>().WithMany().HasForeignKey(v => v.QuestionnaireId).OnDelete(DeleteBehavior.Restrict);
    }
}
