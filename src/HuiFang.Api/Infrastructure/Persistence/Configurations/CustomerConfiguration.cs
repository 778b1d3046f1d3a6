using HuiFang.Api.Common;
using HuiFang.Api.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HuiFang.Api.Infrastructure.Persistence.Configurations;

public sealed class CustomerContactPreferenceConfiguration : IEntityTypeConfiguration<CustomerContactPreference>
{
    public void Configure(EntityTypeBuilder<CustomerContactPreference> b)
    {
        b.ToTable("CustomerContactPreferences");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.TenantId).HasMaxLength(FieldLimits.TenantId).IsRequired();
        b.Property(p => p.CustomerExternalId).HasMaxLength(FieldLimits.ExternalId).IsRequired();
        b.Property(p => p.Reason).HasMaxLength(FieldLimits.Reason);
        b.Property(p => p.Version).IsConcurrencyToken();

        // One preference per customer and tenant; also the lookup every intake decision and plan makes.
        b.HasIndex(p => new { p.TenantId, p.CustomerExternalId }).IsUnique();
    }
}
