using HuiFang.Api.Domain.VisitTasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HuiFang.Api.Infrastructure.Persistence;

/// <summary>
/// The one model both providers share. Each provider has its own subclass only so that it can keep its
/// own migration set and its own type conventions; handlers depend on this base type.
/// </summary>
public abstract class HuiFangDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<VisitTask> VisitTasks => Set<VisitTask>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HuiFangDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL and stable when members are reordered.
        configurationBuilder.Properties<VisitPurpose>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<ContactChannel>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<VisitTaskStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<AttemptOutcome>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<DueRule>().HaveConversion<string>().HaveMaxLength(48);
    }
}

/// <summary>PostgreSQL: timestamps are <c>timestamptz</c>, which Npgsql only writes with a zero offset.</summary>
public sealed class PostgresHuiFangDbContext(DbContextOptions<PostgresHuiFangDbContext> options) : HuiFangDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
    }

    private sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
}

/// <summary>
/// SQLite: it has no timestamp type, and EF Core cannot compare or order <see cref="DateTimeOffset"/>
/// stored as text, so instants are stored as UTC ticks (an integer that sorts and compares in SQL).
/// </summary>
public sealed class SqliteHuiFangDbContext(DbContextOptions<SqliteHuiFangDbContext> options) : HuiFangDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
}
