using HuiFang.Api.Infrastructure.Outbox;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HuiFang.Api.Infrastructure.Persistence;

/// <summary>
/// SQLite: one process owns the file and its write transactions begin IMMEDIATE, so writers already run one
/// at a time: the locks are no-ops and a claim is a plain query. It has no timestamp type, and EF Core cannot
/// compare or order <see cref="DateTimeOffset"/> stored as text, so instants are stored as UTC ticks (an
/// integer that sorts and compares in SQL).
/// </summary>
public sealed class SqliteDialect : DatabaseDialect
{
    public static readonly SqliteDialect Instance = new();

    private SqliteDialect()
    {
    }

    // One process, one dispatcher and one monitor tick at a time: nothing to lock against. A transaction
    // held while publishing would only keep the API's writers waiting.
    public override bool ClaimsLockRows => false;

    public override Task LockCustomerAsync(HuiFangDbContext db, string customerExternalId, CancellationToken cancellationToken) => Task.CompletedTask;

    public override Task LockSamplingAsync(HuiFangDbContext db, string ruleName, string month, CancellationToken cancellationToken) => Task.CompletedTask;

    public override Task LockCorrectiveActionProblemAsync(HuiFangDbContext db, string problemKey, CancellationToken cancellationToken) => Task.CompletedTask;

    // One process owns a SQLite file: the in-process registry of keys in flight is the whole truth.
    public override Task<bool> TryLockIdempotencyKeyAsync(HuiFangDbContext db, string scopedKey, CancellationToken cancellationToken) => Task.FromResult(true);

    // One writer at a time: insertion order is commit order.
    public override Task<long?> EventFeedHorizonAsync(HuiFangDbContext db, CancellationToken cancellationToken) => Task.FromResult<long?>(null);

    // SQLite plans each statement it prepares, and a transaction here would take the write lock for the report's length.
    public override Task<IDbContextTransaction?> BeginReportReadAsync(HuiFangDbContext db, CancellationToken cancellationToken) =>
        Task.FromResult<IDbContextTransaction?>(null);

    public override async Task<bool> IsReadOnlyAsync(HuiFangDbContext db, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            // SQLite opens a file it may not write read-only without an error; it says so here.
            return SQLitePCL.raw.sqlite3_db_readonly(connection.Handle, "main") == 1;
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    // Write-ahead logging lets readers work while a writer commits; the setting is kept in the file.
    public override Task PrepareAsync(HuiFangDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

    // No row locks: a claim is the query alone.
    protected override string SkipLockedRows(string? alias) => "";

    protected override object Instant(DateTimeOffset value) => value.UtcTicks;

    // One writer at a time: insertion order is commit order, the feed needs no transaction id.
    internal override void ConfigureModel(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<OutboxMessage>().Property(m => m.TransactionId).HasDefaultValue(0L);

    internal override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
}
