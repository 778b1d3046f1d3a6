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

    /// <summary>
    /// Holds off, until the current transaction ends, any other transaction planning visits for the same
    /// customer, so that rules spanning a customer's tasks (do-not-disturb) cannot be passed twice by
    /// parallel requests. Must be called inside a transaction.
    /// </summary>
    public abstract Task LockCustomerAsync(string customerExternalId, CancellationToken cancellationToken);

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
    /// <summary>Advisory-lock namespace for "planning visits of one customer"; the customer id is hashed into the second key.</summary>
    private const int CustomerPlanningLock = 0x48460001;

    // Read committed lets two transactions check the same customer at once; an advisory lock released at
    // commit or rollback serialises them (a hash collision only serialises two customers, never wrongly admits).
    public override Task LockCustomerAsync(string customerExternalId, CancellationToken cancellationToken) =>
        Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({CustomerPlanningLock}, hashtext({customerExternalId}))", cancellationToken);

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
    // SQLite write transactions begin IMMEDIATE: they already run one at a time.
    public override Task LockCustomerAsync(string customerExternalId, CancellationToken cancellationToken) => Task.CompletedTask;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
}
