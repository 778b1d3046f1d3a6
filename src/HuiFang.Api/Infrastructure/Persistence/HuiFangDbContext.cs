using System.Linq.Expressions;
using HuiFang.Api.Domain.Audit;
using HuiFang.Api.Domain.Escalations;
using HuiFang.Api.Domain.Feedback;
using HuiFang.Api.Domain.FollowUp;
using HuiFang.Api.Domain.Tenants;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Infrastructure.Idempotency;
using HuiFang.Api.Infrastructure.Outbox;
using HuiFang.Api.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HuiFang.Api.Infrastructure.Persistence;

/// <summary>
/// The one model both providers share. Each provider has its own subclass only so that it can keep its
/// own migration set and its own type conventions; handlers depend on this base type.
/// <para>
/// Tenant isolation lives here, not in handlers: every entity that is <see cref="ITenantOwned"/> gets a
/// query filter on the caller's tenant (no caller, no rows), and SaveChanges stamps new rows with the
/// caller's tenant and refuses a row of another tenant. Only code that must see every tenant (the
/// API-key lookup, maintenance) opts out, with <c>IgnoreQueryFilters</c>.
/// </para>
/// <para>
/// Contexts are pooled (<see cref="DatabaseSetup"/>): an instance outlives its request and is handed to the
/// next one through <see cref="Lease"/>, which points it at that request's caller. Disposing it (its scope
/// ending) forgets the caller before EF Core puts it back in the pool, so a context taken from the pool any
/// other way sees no tenant's rows rather than the last request's. A context used outside the pool
/// (migrations, design time) has no caller.
/// </para>
/// </summary>
public abstract class HuiFangDbContext(DbContextOptions options) : DbContext(options)
{
    private static readonly ICurrentCaller NoCaller = new CurrentCaller();

    private ICurrentCaller _caller = NoCaller;

    private IServiceProvider? _scope;

    public DbSet<VisitTask> VisitTasks => Set<VisitTask>();

    public DbSet<FeedbackRecord> FeedbackRecords => Set<FeedbackRecord>();

    public DbSet<Escalation> Escalations => Set<Escalation>();

    public DbSet<ServiceRecord> ServiceRecords => Set<ServiceRecord>();

    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<OutboxPurge> OutboxPurges => Set<OutboxPurge>();

    /// <summary>Set when events were added in this unit of work; the commit interceptor turns it into a dispatcher wake-up.</summary>
    internal bool EventsWritten { get; set; }

    /// <summary>The tenant every query is filtered by; read by EF Core at each query, so it follows the caller.</summary>
    public string? CurrentTenantId => _caller.TenantId;

    /// <summary>The services of the scope this context is leased to (where domain events are recorded); null outside one.</summary>
    internal IServiceProvider? LeasedScope => _scope;

    /// <summary>Makes this (pooled) context the unit of work of <paramref name="caller"/>'s scope.</summary>
    internal HuiFangDbContext Lease(ICurrentCaller caller, IServiceProvider? scope = null)
    {
        _caller = caller;
        _scope = scope;
        return this;
    }

    // EF Core resets its own state when a context goes back to the pool; this resets the service's.
    public override void Dispose()
    {
        Forget();
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        Forget();
        return base.DisposeAsync();
    }

    private void Forget()
    {
        _caller = NoCaller;
        _scope = null;
        EventsWritten = false;
    }

    /// <summary>
    /// Holds off, until the current transaction ends, any other transaction planning visits for the same
    /// customer, so that rules spanning a customer's tasks (do-not-disturb) cannot be passed twice by
    /// parallel requests. Must be called inside a transaction.
    /// </summary>
    public abstract Task LockCustomerAsync(string customerExternalId, CancellationToken cancellationToken);

    /// <summary>
    /// Holds off, until the current transaction ends, any other transaction deciding a record of the same
    /// selection rule and month, so that the month's volume and chosen count each decision reads are exact.
    /// </summary>
    public abstract Task LockSamplingAsync(string ruleName, string month, CancellationToken cancellationToken);

    /// <summary>
    /// Tries to take, until the current transaction ends, the lock that marks an idempotency key as in
    /// flight across service replicas. False when another transaction holds it. Must be called inside a transaction.
    /// </summary>
    public abstract Task<bool> TryLockIdempotencyKeyAsync(string scopedKey, CancellationToken cancellationToken);

    /// <summary>
    /// The oldest unpublished event of each stream (at most one per stream, so a later event of an aggregate
    /// never overtakes an earlier one), oldest first, at most <paramref name="batchSize"/>, across tenants.
    /// Where <see cref="ClaimsLockRows"/>, the rows stay locked until the current transaction ends.
    /// </summary>
    public abstract Task<List<PendingEvent>> ClaimPendingEventsAsync(int batchSize, CancellationToken cancellationToken);

    /// <summary>
    /// Whether a claim locks its rows so that other replicas skip them; the dispatcher then holds the
    /// claim's transaction open until the rows are marked.
    /// </summary>
    public abstract bool ClaimsLockRows { get; }

    /// <summary>
    /// The event feed's horizon: every transaction with a smaller <see cref="OutboxMessage.TransactionId"/>
    /// has ended, so the events below it are final. Null where writers run one at a time (nothing to wait for).
    /// </summary>
    public abstract Task<long?> EventFeedHorizonAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Ids of the escalations, tasks and feedback records with something for the SLA monitor at
    /// <paramref name="now"/> (at most <paramref name="batchSize"/> of each, earliest first, across tenants).
    /// Where <see cref="ClaimsLockRows"/>, the rows stay locked until the current transaction ends and
    /// rows locked by another monitor are skipped, so that no two replicas handle the same item.
    /// </summary>
    public abstract Task<SlaClaim> ClaimSlaWorkAsync(DateTimeOffset now, int batchSize, CancellationToken cancellationToken);

    /// <summary>
    /// A read transaction for a report whose statements are planned for their own parameter values on every
    /// execution (see <c>ReportPlanBehavior</c>), or null where plans are not kept between executions.
    /// </summary>
    public abstract Task<IDbContextTransaction?> BeginReportReadAsync(CancellationToken cancellationToken);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampTenant();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampTenant();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void StampTenant()
    {
        foreach (var entry in ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            var property = entry.Property(e => e.TenantId);
            var tenant = CurrentTenantId
                ?? throw new InvalidOperationException($"A {entry.Metadata.ClrType.Name} cannot be saved without a caller: there is no tenant to save it for.");
            if (entry.State == EntityState.Added && string.IsNullOrEmpty(property.CurrentValue))
            {
                property.CurrentValue = tenant;
            }
            else if (property.CurrentValue != tenant || (entry.State == EntityState.Modified && property.OriginalValue != tenant))
            {
                throw new InvalidOperationException($"A {entry.Metadata.ClrType.Name} of another tenant cannot be saved by a caller of tenant '{tenant}'.");
            }
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HuiFangDbContext).Assembly);

        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            if (typeof(ITenantOwned).IsAssignableFrom(entity.ClrType) && !entity.IsOwned())
            {
                entity.SetQueryFilter(TenantFilter(entity.ClrType));
            }
        }
    }

    /// <summary><c>e =&gt; e.TenantId == this.CurrentTenantId</c>; EF Core turns the context member into a parameter.</summary>
    private LambdaExpression TenantFilter(Type type)
    {
        var entity = Expression.Parameter(type, "e");
        var body = Expression.Equal(
            Expression.Property(entity, nameof(ITenantOwned.TenantId)),
            Expression.Property(Expression.Constant(this), nameof(CurrentTenantId)));
        return Expression.Lambda(body, entity);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL and stable when members are reordered.
        configurationBuilder.Properties<VisitPurpose>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<ContactChannel>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<VisitTaskStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<AttemptOutcome>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<DueRule>().HaveConversion<string>().HaveMaxLength(48);
        configurationBuilder.Properties<Verdict>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<ComplaintLevel>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<EscalationStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<EscalationSeverity>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<EscalationLevel>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<EscalationTrigger>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<EscalationNoteKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<SlaClockKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<SelectionMode>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<SelectionReason>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<IntakeOutcome>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<IntakeSource>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<TimingKind>().HaveConversion<string>().HaveMaxLength(32);

        // Durations as whole ticks: the same on both providers, comparable in SQL.
        configurationBuilder.Properties<TimeSpan>().HaveConversion<long>();
    }
}

/// <summary>PostgreSQL: timestamps are <c>timestamptz</c>, which Npgsql only writes with a zero offset.</summary>
public sealed class PostgresHuiFangDbContext(DbContextOptions<PostgresHuiFangDbContext> options) : HuiFangDbContext(options)
{
    /// <summary>Advisory-lock namespace for "planning visits of one customer"; tenant and customer id are hashed into the second key.</summary>
    private const int CustomerPlanningLock = 0x48460001;

    /// <summary>Advisory-lock namespace for "deciding records of one selection rule and month".</summary>
    private const int SamplingLock = 0x48460003;

    /// <summary>Advisory-lock namespace for "an idempotency key in flight".</summary>
    private const int IdempotencyKeyLock = 0x48460002;

    // Read committed lets two transactions check the same customer at once; an advisory lock released at
    // commit or rollback serialises them (a hash collision only serialises two customers, never wrongly admits).
    public override Task LockCustomerAsync(string customerExternalId, CancellationToken cancellationToken) =>
        Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({CustomerPlanningLock}, hashtext({CurrentTenantId + "/" + customerExternalId}))", cancellationToken);

    public override Task LockSamplingAsync(string ruleName, string month, CancellationToken cancellationToken) =>
        Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({SamplingLock}, hashtext({CurrentTenantId + "/" + ruleName.ToUpperInvariant() + "/" + month}))", cancellationToken);

    public override async Task<IDbContextTransaction?> BeginReportReadAsync(CancellationToken cancellationToken)
    {
        var transaction = await Database.BeginTransactionAsync(cancellationToken);
        await Database.ExecuteSqlRawAsync("SET LOCAL plan_cache_mode = force_custom_plan", cancellationToken);
        return transaction;
    }

    // A hash collision can only make an unrelated request wait for a retry (409), never replay a wrong response.
    public override async Task<bool> TryLockIdempotencyKeyAsync(string scopedKey, CancellationToken cancellationToken) =>
        await Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({IdempotencyKeyLock}, hashtext({scopedKey})) AS \"Value\"")
            .SingleAsync(cancellationToken);

    // SKIP LOCKED: rows another replica is publishing are left to it. The per-stream check sees those rows
    // as unpublished too, so a stream's next event waits until its head is marked.
    public override Task<List<PendingEvent>> ClaimPendingEventsAsync(int batchSize, CancellationToken cancellationToken) =>
        Database.SqlQuery<PendingEvent>($"""
            SELECT o."Id", o."EventId", o."TenantId", o."Type", o."Payload", o."Attempts"
            FROM "OutboxMessages" o
            WHERE o."PublishedAt" IS NULL
              AND NOT EXISTS (SELECT 1 FROM "OutboxMessages" p
                              WHERE p."PublishedAt" IS NULL AND p."StreamId" = o."StreamId" AND p."Id" < o."Id")
            ORDER BY o."Id"
            LIMIT {batchSize}
            FOR UPDATE OF o SKIP LOCKED
            """).ToListAsync(cancellationToken);

    public override bool ClaimsLockRows => true;

    // Each scan walks a partial index from its earliest entry; SKIP LOCKED leaves what another monitor holds.
    public override async Task<SlaClaim> ClaimSlaWorkAsync(DateTimeOffset now, int batchSize, CancellationToken cancellationToken)
    {
        var escalations = await Database.SqlQuery<Guid>($"""
            SELECT "Id" AS "Value" FROM "Escalations"
            WHERE "NextCheckAt" IS NOT NULL AND "NextCheckAt" <= {now}
            ORDER BY "NextCheckAt" LIMIT {batchSize}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        var tasks = await Database.SqlQuery<Guid>($"""
            SELECT "Id" AS "Value" FROM "VisitTasks"
            WHERE "Status" IN ('Pending', 'Assigned') AND "OverdueRaisedAt" IS NULL AND "DueBy" < {now}
            ORDER BY "DueBy" LIMIT {batchSize}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        var inquiries = await Database.SqlQuery<Guid>($"""
            SELECT "Id" AS "Value" FROM "FeedbackRecords"
            WHERE "InquiryReplyDueBy" IS NOT NULL AND "InquiryRepliedAt" IS NULL AND "InquiryOverdueAt" IS NULL AND "SupersededBy" IS NULL
              AND "InquiryReplyDueBy" < {now}
            ORDER BY "InquiryReplyDueBy" LIMIT {batchSize}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        return new SlaClaim(escalations, tasks, inquiries);
    }

    // The oldest transaction id still running anywhere in the cluster (xid8 fits a bigint).
    public override async Task<long?> EventFeedHorizonAsync(CancellationToken cancellationToken) =>
        await Database.SqlQuery<long>($"SELECT (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint AS \"Value\"").SingleAsync(cancellationToken);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // The writing transaction's id, as a bigint (xid8 is 64-bit and never wraps): the event feed's order.
        modelBuilder.Entity<OutboxMessage>().Property(m => m.TransactionId).HasDefaultValueSql("(pg_current_xact_id()::text)::bigint");
    }

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
    // SQLite plans each statement it prepares, and a transaction here would take the write lock for the report's length.
    public override Task<IDbContextTransaction?> BeginReportReadAsync(CancellationToken cancellationToken) =>
        Task.FromResult<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction?>(null);

    // SQLite write transactions begin IMMEDIATE: they already run one at a time.
    public override Task LockCustomerAsync(string customerExternalId, CancellationToken cancellationToken) => Task.CompletedTask;

    public override Task LockSamplingAsync(string ruleName, string month, CancellationToken cancellationToken) => Task.CompletedTask;

    // One process owns a SQLite file: the in-process registry of keys in flight is the whole truth.
    public override Task<bool> TryLockIdempotencyKeyAsync(string scopedKey, CancellationToken cancellationToken) => Task.FromResult(true);

    // One process, one dispatcher: nothing to lock against. A transaction held while publishing would
    // only keep the API's writers waiting.
    public override Task<List<PendingEvent>> ClaimPendingEventsAsync(int batchSize, CancellationToken cancellationToken) =>
        OutboxMessages.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.PublishedAt == null
                && !OutboxMessages.IgnoreQueryFilters().Any(p => p.PublishedAt == null && p.StreamId == o.StreamId && p.Id < o.Id))
            .OrderBy(o => o.Id)
            .Take(batchSize)
            .Select(o => new PendingEvent { Id = o.Id, EventId = o.EventId, TenantId = o.TenantId, Type = o.Type, Payload = o.Payload, Attempts = o.Attempts })
            .ToListAsync(cancellationToken);

    public override bool ClaimsLockRows => false;

    // One process owns the file and its monitor runs one tick at a time: a plain query is the claim.
    public override async Task<SlaClaim> ClaimSlaWorkAsync(DateTimeOffset now, int batchSize, CancellationToken cancellationToken)
    {
        var escalations = await Escalations.IgnoreQueryFilters().Where(e => e.NextCheckAt != null && e.NextCheckAt <= now)
            .OrderBy(e => e.NextCheckAt).Take(batchSize).Select(e => e.Id).ToListAsync(cancellationToken);
        var tasks = await VisitTasks.IgnoreQueryFilters()
            .Where(t => (t.Status == VisitTaskStatus.Pending || t.Status == VisitTaskStatus.Assigned) && t.OverdueRaisedAt == null && t.DueBy < now)
            .OrderBy(t => t.DueBy).Take(batchSize).Select(t => t.Id).ToListAsync(cancellationToken);
        var inquiries = await FeedbackRecords.IgnoreQueryFilters()
            .Where(f => f.InquiryReplyDueBy != null && f.InquiryRepliedAt == null && f.InquiryOverdueAt == null && f.SupersededBy == null && f.InquiryReplyDueBy < now)
            .OrderBy(f => f.InquiryReplyDueBy).Take(batchSize).Select(f => f.Id).ToListAsync(cancellationToken);
        return new SlaClaim(escalations, tasks, inquiries);
    }

    public override Task<long?> EventFeedHorizonAsync(CancellationToken cancellationToken) => Task.FromResult<long?>(null);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // One writer at a time: insertion order is commit order, the feed needs no transaction id.
        modelBuilder.Entity<OutboxMessage>().Property(m => m.TransactionId).HasDefaultValue(0L);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
}

/// <summary>What one SLA monitor tick claimed: ids of escalations to check, tasks gone overdue, inquiries gone late.</summary>
public sealed record SlaClaim(IReadOnlyList<Guid> Escalations, IReadOnlyList<Guid> Tasks, IReadOnlyList<Guid> Inquiries)
{
    public int Count => Escalations.Count + Tasks.Count + Inquiries.Count;
}
