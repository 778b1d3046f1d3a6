using HuiFang.Api.Common;
using HuiFang.Api.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HuiFang.Api.Infrastructure.Persistence.Configurations;

public sealed class DashboardSessionConfiguration : IEntityTypeConfiguration<DashboardSession>
{
    public void Configure(EntityTypeBuilder<DashboardSession> b)
    {
        b.ToTable("DashboardSessions");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.TenantId).HasMaxLength(FieldLimits.TenantId).IsRequired();
        b.Property(s => s.Hash).HasMaxLength(FieldLimits.Hash).IsRequired();
        b.Property(s => s.CallerId).HasMaxLength(FieldLimits.Name).IsRequired();
        b.Property(s => s.CallerName).HasMaxLength(FieldLimits.Name).IsRequired();
        b.HasIndex(s => s.Hash).IsUnique();
        b.HasIndex(s => new { s.TenantId, s.ExpiresAt });

        // No foreign key to Tenants: a bearer token's tenant may have no settings row yet.
    }
}
