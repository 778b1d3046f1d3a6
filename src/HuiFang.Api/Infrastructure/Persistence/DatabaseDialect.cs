using System.Runtime.CompilerServices;
using HuiFang.Api.Infrastructure.Configuration;
using HuiFang.Api.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace HuiFang.Api.Infrastructure.Persistence;

/// <summary>
/// Everything that differs between the two providers, in one class per provider (<see cref="PostgresDialect"/>,
/// <see cref="SqliteDialect"/>): how instants are stored, the locks that serialise writers, whether a claim
/// locks its rows, the event feed's horizon, a report's read transaction, the read-only check. The model and
/// the unit of work (<see cref="HuiFangDbContext"/>) are the same for both; <see cref="DatabaseSetup"/>
/// registers the dialect of the provider in use, and services that need one take it as a dependency.
/// <para>
/// The two claims are written once, here: the same statement on both providers, with the row-lock clause
/// (<see cref="SkipLockedRows"/>) only where the provider has one. EF Core's LINQ cannot say
/// <c>FOR UPDATE SKIP LOCKED</c>, so they are SQL for both rather than SQL for one and LINQ for the other.
/// </para>
/// </summary>
public abstract class DatabaseDialect
{
    /// <summary>The dialect of <paramref name="provider"/>.</summary>
    public static DatabaseDialect For(DatabaseProvider provider) =>
        provider == DatabaseProvider.PostgreSql ? PostgresDialect.Instance : SqliteDialect.Instance;

    /// <summary>The dialect of the provider <paramref name="database"/> is configured with (model building, design time).</summary>
    public static DatabaseDialect Of(DatabaseFacade database) =>
        database.IsNpgsql() ? PostgresDialect.Instance : SqliteDialect.Instance;

    /// <summary>
    /// Whether a claim locks its rows so that other replicas skip them; the outbox dispatcher then holds the
    /// claim's transaction open until the rows are marked, and the SLA monitor needs no turn of its own.
    /// </summary>
    public abstract bool ClaimsLockRows { get; }

    /// <summary>
    /// Holds off, until the current transaction ends, any other transaction planning visits for the same
    /// customer, so that rules spanning a customer's tasks (do-not-disturb) cannot be passed twice by
    /// parallel requests. Must be called inside a transaction.
    /// </summary>
    public abstract Task LockCustomerAsync(HuiFangDbContext db, string customerExternalId, CancellationToken cancellationToken);

    /// <summary>
    /// Holds off, until the current transaction ends, any other transaction deciding a record of the same
    /// selection rule and month, so that the month's volume and chosen count each decision reads are exact.
    /// </summary>
    public abstract Task LockSamplingAsync(HuiFangDbContext db, string ruleName, string month, CancellationToken cancellationToken);

    /// <summary>
    /// Serialises, until the current transaction ends, the decisions about one corrective-action problem of the caller's
    /// tenant (whether it has a live action, whether it recurs), so that two saves at once never both propose one.
    /// </summary>
    public abstract Task LockCorrectiveActionProblemAsync(HuiFangDbContext db, string problemKey, CancellationToken cancellationToken);

    /// <summary>
    /// Tries to take, until the current transaction ends, the lock that marks an idempotency key as in
    /// flight across service replicas. False when another transaction holds it. Must be called inside a transaction.
    /// </summary>
    public abstract Task<bool> TryLockIdempotencyKeyAsync(HuiFangDbContext db, string scopedKey, CancellationToken cancellationToken);

    /// <summary>
    /// The event feed's horizon: every transaction with a smaller <see cref="OutboxMessage.TransactionId"/>
    /// has ended, so the events below it are final. Null where writers run one at a time (nothing to wait for).
    /// </summary>
    public abstract Task<long?> EventFeedHorizonAsync(HuiFangDbContext db, CancellationToken cancellationToken);

    /// <summary>
    /// A read transaction for a report whose statements are planned for their own parameter values on every
    /// execution (see <c>ReportPlanBehavior</c>), or null where plans are not kept between executions.
    /// </summary>
    public abstract Task<IDbContextTransaction?> BeginReportReadAsync(HuiFangDbContext db, CancellationToken cancellationToken);

    /// <summary>Whether the database accepts reads only (a standby, <c>default_transaction_read_only</c>, a read-only file).</summary>
    public abstract Task<bool> IsReadOnlyAsync(HuiFangDbContext db, CancellationToken cancellationToken);

    /// <summary>What the provider needs once the schema is up to date, at every start.</summary>
    public virtual Task PrepareAsync(HuiFangDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The oldest unpublished event of each stream (at most one per stream, so a later event of an aggregate
    /// never overtakes an earlier one), oldest first, at most <paramref name="batchSize"/>, across tenants.
    /// Where <see cref="ClaimsLockRows"/>, the rows stay locked until the current transaction ends and rows
    /// another replica is publishing are left to it; the per-stream check sees those rows as unpublished
    /// too, so a stream's next event waits until its head is marked.
    /// </summary>
    public Task<List<PendingEvent>> ClaimPendingEventsAsync(HuiFangDbContext db, int batchSize, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<PendingEvent>(Statement($$"""
            SELECT o."Id", o."EventId", o."TenantId", o."Type", o."Payload", o."Attempts"
            FROM "OutboxMessages" o
            WHERE o."PublishedAt" IS NULL
              AND NOT EXISTS (SELECT 1 FROM "OutboxMessages" p
                              WHERE p."PublishedAt" IS NULL AND p."StreamId" = o."StreamId" AND p."Id" < o."Id")
            ORDER BY o."Id"
            LIMIT {0}
            {{SkipLockedRows("o")}}
            """, batchSize)).ToListAsync(cancellationToken);

    /// <summary>
    /// Ids of the escalations, tasks and feedback records with something for the SLA monitor at
    /// <paramref name="now"/> (at most <paramref name="batchSize"/> of each, earliest first, across tenants).
    /// Each scan walks a partial index from its earliest entry. Where <see cref="ClaimsLockRows"/>, the rows
    /// stay locked until the current transaction ends and rows locked by another monitor are skipped, so
    /// that no two replicas handle the same item.
    /// </summary>
    public async Task<SlaClaim> ClaimSlaWorkAsync(HuiFangDbContext db, DateTimeOffset now, int batchSize, CancellationToken cancellationToken)
    {
        var at = Instant(now);
        var escalations = await db.Database.SqlQuery<Guid>(Statement($$"""
            SELECT "Id" AS "Value" FROM "Escalations"
            WHERE "NextCheckAt" IS NOT NULL AND "NextCheckAt" <= {0}
            ORDER BY "NextCheckAt" LIMIT {1}
            {{SkipLockedRows(null)}}
            """, at, batchSize)).ToListAsync(cancellationToken);
        var tasks = await db.Database.SqlQuery<Guid>(Statement($$"""
            SELECT "Id" AS "Value" FROM "VisitTasks"
            WHERE "Status" IN ('Pending', 'Assigned') AND "OverdueRaisedAt" IS NULL AND "DueBy" < {0}
            ORDER BY "DueBy" LIMIT {1}
            {{SkipLockedRows(null)}}
            """, at, batchSize)).ToListAsync(cancellationToken);
        var inquiries = await db.Database.SqlQuery<Guid>(Statement($$"""
            SELECT "Id" AS "Value" FROM "FeedbackRecords"
            WHERE "InquiryReplyDueBy" IS NOT NULL AND "InquiryRepliedAt" IS NULL AND "InquiryOverdueAt" IS NULL AND "SupersededBy" IS NULL
              AND "InquiryReplyDueBy" < {0}
            ORDER BY "InquiryReplyDueBy" LIMIT {1}
            {{SkipLockedRows(null)}}
            """, at, batchSize)).ToListAsync(cancellationToken);
        return new SlaClaim(escalations, tasks, inquiries);
    }

    /// <summary>
    /// Ids of the open survey invitations with something for the survey monitor at <paramref name="now"/>: those past
    /// their expiry, and those whose reminder has come (at most <paramref name="batchSize"/> of each, earliest first,
    /// across tenants), each scan on its partial index. Rows are locked and skipped as in <see cref="ClaimSlaWorkAsync"/>.
    /// </summary>
    public async Task<(IReadOnlyList<Guid> Expiring, IReadOnlyList<Guid> Reminding)> ClaimSurveyWorkAsync(HuiFangDbContext db, DateTimeOffset now, int batchSize, CancellationToken cancellationToken)
    {
        var at = Instant(now);
        var expiring = await db.Database.SqlQuery<Guid>(Statement($$"""
            SELECT "Id" AS "Value" FROM "SurveyInvitations"
            WHERE "Status" = 'Open' AND "ExpiresAt" <= {0}
            ORDER BY "ExpiresAt" LIMIT {1}
            {{SkipLockedRows(null)}}
            """, at, batchSize)).ToListAsync(cancellationToken);
        var reminding = await db.Database.SqlQuery<Guid>(Statement($$"""
            SELECT "Id" AS "Value" FROM "SurveyInvitations"
            WHERE "Status" = 'Open' AND "RemindAt" IS NOT NULL AND "RemindedAt" IS NULL AND "RemindAt" <= {0} AND "ExpiresAt" > {0}
            ORDER BY "RemindAt" LIMIT {1}
            {{SkipLockedRows(null)}}
            """, at, batchSize)).ToListAsync(cancellationToken);
        return (expiring, reminding);
    }

    /// <summary>
    /// Ids of the corrective actions past their due instant and not implemented yet (Proposed, Open) at <paramref name="now"/>
    /// whose overdue event was not raised for their current due date (at most <paramref name="batchSize"/>, earliest first,
    /// across tenants), on the scan's partial index. Rows are locked and skipped as in <see cref="ClaimSlaWorkAsync"/>.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> ClaimOverdueCorrectiveActionsAsync(HuiFangDbContext db, DateTimeOffset now, int batchSize, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<Guid>(Statement($$"""
            SELECT "Id" AS "Value" FROM "CorrectiveActions"
            WHERE "Status" IN ('Proposed', 'Open') AND "DueAt" <= {0}
              AND ("OverdueRaisedFor" IS NULL OR "OverdueRaisedFor" <> "DueDate")
            ORDER BY "DueAt" LIMIT {1}
            {{SkipLockedRows(null)}}
            """, Instant(now), batchSize)).ToListAsync(cancellationToken);

    /// <summary>
    /// Ids of the open weekly reviews past their deadline whose overdue notice was not raised yet (at most
    /// <paramref name="batchSize"/>, earliest deadline first, across tenants), on the review monitor's partial index.
    /// Rows are locked and skipped as in <see cref="ClaimSlaWorkAsync"/>, so two monitors never raise the same notice.
    /// </summary>
    public Task<List<Guid>> ClaimOverdueReviewsAsync(HuiFangDbContext db, DateTimeOffset now, int batchSize, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<Guid>(Statement($$"""
            SELECT "Id" AS "Value" FROM "WeeklyReviews"
            WHERE "Status" = 'Open' AND "OverdueRaisedAt" IS NULL AND "DueAt" < {0}
            ORDER BY "DueAt" LIMIT {1}
            {{SkipLockedRows(null)}}
            """, Instant(now), batchSize)).ToListAsync(cancellationToken);

    /// <summary>
    /// The clause that ends a claim: lock the rows it returns (of <paramref name="alias"/>, or of its only
    /// table), skipping rows locked by another transaction; empty where the provider has no row locks.
    /// </summary>
    protected abstract string SkipLockedRows(string? alias);

    /// <summary>An instant as the provider stores it, for a parameter of a statement written in SQL (no value converter applies there).</summary>
    protected abstract object Instant(DateTimeOffset value);

    /// <summary>The provider's model differences, after the shared configuration.</summary>
    internal abstract void ConfigureModel(ModelBuilder modelBuilder);

    /// <summary>The provider's type conventions, after the shared ones.</summary>
    internal abstract void ConfigureConventions(ModelConfigurationBuilder configurationBuilder);

    // The clause is one of this class's constants, never input; the values stay parameters.
    private static FormattableString Statement(string format, params object[] arguments) =>
        FormattableStringFactory.Create(format, arguments);
}

/// <summary>What one SLA monitor tick claimed: ids of escalations to check, tasks gone overdue, inquiries gone late.</summary>
public sealed record SlaClaim(IReadOnlyList<Guid> Escalations, IReadOnlyList<Guid> Tasks, IReadOnlyList<Guid> Inquiries)
{
    public int Count => Escalations.Count + Tasks.Count + Inquiries.Count;
}
