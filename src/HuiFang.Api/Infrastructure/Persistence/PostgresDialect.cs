using HuiFang.Api.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HuiFang.Api.Infrastructure.Persistence;

/// <summary>
/// PostgreSQL: several replicas may share the database, so writers that must not pass each other take
/// transaction-scoped advisory locks, and claims lock their rows with SKIP LOCKED. Timestamps are
/// <c>timestamptz</c>, which Npgsql only writes with a zero offset.
/// </summary>
public sealed class PostgresDialect : DatabaseDialect
{
    public static readonly PostgresDialect Instance = new();

    /// <summary>Advisory-lock namespace for "planning visits of one customer"; tenant and customer id are hashed into the second key.</summary>
    private const int CustomerPlanningLock = 0x48460001;

    /// <summary>Advisory-lock namespace for "an idempotency key in flight".</summary>
    private const int IdempotencyKeyLock = 0x48460002;

    /// <summary>Advisory-lock namespace for "deciding records of one selection rule and month".</summary>
    private const int SamplingLock = 0x48460003;

    /// <summary>Advisory-lock namespace for "deciding about one corrective-action problem".</summary>
    private const int CorrectiveActionProblemLock = 0x48460004;

    private PostgresDialect()
    {
    }

    public override bool ClaimsLockRows => true;

    // Read committed lets two transactions check the same customer at once; an advisory lock released at
    // commit or rollback serialises them (a hash collision only serialises two customers, never wrongly admits).
    public override Task LockCustomerAsync(HuiFangDbContext db, string customerExternalId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({CustomerPlanningLock}, hashtext({db.CurrentTenantId + "/" + customerExternalId}))", cancellationToken);

    public override Task LockSamplingAsync(HuiFangDbContext db, string ruleName, string month, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({SamplingLock}, hashtext({db.CurrentTenantId + "/" + ruleName.ToUpperInvariant() + "/" + month}))", cancellationToken);

    public override Task LockCorrectiveActionProblemAsync(HuiFangDbContext db, string problemKey, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({CorrectiveActionProblemLock}, hashtext({db.CurrentTenantId + "/" + problemKey}))", cancellationToken);

    // A hash collision can only make an unrelated request wait for a retry (409), never replay a wrong response.
    public override async Task<bool> TryLockIdempotencyKeyAsync(HuiFangDbContext db, string scopedKey, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({IdempotencyKeyLock}, hashtext({scopedKey})) AS \"Value\"")
            .SingleAsync(cancellationToken);

    // The oldest transaction id still running anywhere in the cluster (xid8 fits a bigint).
    public override async Task<long?> EventFeedHorizonAsync(HuiFangDbContext db, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<long>($"SELECT (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint AS \"Value\"").SingleAsync(cancellationToken);

    public override async Task<IDbContextTransaction?> BeginReportReadAsync(HuiFangDbContext db, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("SET LOCAL plan_cache_mode = force_custom_plan", cancellationToken);
        return transaction;
    }

    // Outside a transaction this is the session's default: on for a standby and for default_transaction_read_only.
    public override async Task<bool> IsReadOnlyAsync(HuiFangDbContext db, CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<string>("SELECT current_setting('transaction_read_only') AS \"Value\"").SingleAsync(cancellationToken) == "on";

    protected override string SkipLockedRows(string? alias) => alias is null ? "FOR UPDATE SKIP LOCKED" : $"FOR UPDATE OF {alias} SKIP LOCKED";

    protected override object Instant(DateTimeOffset value) => value.ToUniversalTime();

    // The writing transaction's id, as a bigint (xid8 is 64-bit and never wraps): the event feed's order.
    internal override void ConfigureModel(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<OutboxMessage>().Property(m => m.TransactionId).HasDefaultValueSql("(pg_current_xact_id()::text)::bigint");

    internal override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();

    private sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
}
