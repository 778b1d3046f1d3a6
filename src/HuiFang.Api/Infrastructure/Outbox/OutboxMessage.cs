using HuiFang.Api.Domain.Tenants;
using HuiFang.Api.Common;
using HuiFang.Api.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HuiFang.Api.Infrastructure.Outbox;

/// <summary>
/// One integration event, written in the same transaction as the change that caused it and published
/// afterwards by the <see cref="OutboxDispatcher"/>. The row is also the event feed's record of the event,
/// so it stays (published) for the retention period.
/// </summary>
public sealed class OutboxMessage : ITenantOwned
{
    private OutboxMessage()
    {
    }

    /// <summary>Insertion order; on SQLite (one writer at a time) also the commit order.</summary>
    public long Id { get; private set; }

    /// <summary>The event's id: the broker's message id, repeated on every redelivery.</summary>
    public Guid EventId { get; private set; }

    public string TenantId { get; private set; } = "";

    /// <summary>Contract type name, e.g. <c>VisitTaskCreated</c>.</summary>
    public string Type { get; private set; } = "";

    public int Version { get; private set; }

    /// <summary>The aggregate the event is about (e.g. <c>visit-task/…</c>): events of one stream are published in order.</summary>
    public string StreamId { get; private set; } = "";

    /// <summary>Kept in a column so that an erasure finds the customer's events.</summary>
    public string CustomerExternalId { get; private set; } = "";

    /// <summary>The event as JSON (the contract's camelCase shape), exactly what the feed returns.</summary>
    public string Payload { get; private set; } = "";

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>
    /// PostgreSQL: the writing transaction's id (<c>pg_current_xact_id()</c>), set by the database. The feed
    /// orders by (TransactionId, Id) and reads only below the oldest transaction still running, so a
    /// transaction that commits late can never slip in behind a cursor. SQLite: 0.
    /// </summary>
    public long TransactionId { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>Failed publish attempts so far.</summary>
    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public static OutboxMessage Create(Guid eventId, string type, int version, string streamId, string customerExternalId, string payload, DateTimeOffset occurredAt) => new()
    {
        EventId = eventId,
        Type = type,
        Version = version,
        StreamId = streamId,
        CustomerExternalId = customerExternalId,
        Payload = payload,
        OccurredAt = occurredAt.ToUniversalTime(),
    };

    internal void ReplacePayload(string customerExternalId, string payload)
    {
        CustomerExternalId = customerExternalId;
        Payload = payload;
    }
}

/// <summary>
/// The purge's high-water mark: the greatest feed position it has deleted. A feed cursor below it may
/// have lost events to the retention period, and is answered with 410 instead of a silent gap.
/// </summary>
public sealed class OutboxPurge
{
    public int Id { get; set; }

    public long ThroughTransactionId { get; set; }

    public long ThroughId { get; set; }

    public DateTimeOffset PurgedAt { get; set; }

    public int Count { get; set; }
}

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("OutboxMessages");
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).ValueGeneratedOnAdd();
        b.Property(m => m.TenantId).HasMaxLength(FieldLimits.TenantId).IsRequired();
        b.Property(m => m.Type).HasMaxLength(64).IsRequired();
        b.Property(m => m.StreamId).HasMaxLength(100).IsRequired();
        b.Property(m => m.CustomerExternalId).HasMaxLength(FieldLimits.ExternalId).IsRequired();
        b.Property(m => m.Payload).IsRequired();
        b.Property(m => m.LastError).HasMaxLength(FieldLimits.LongText);
        b.Property(m => m.TransactionId).ValueGeneratedOnAdd();
        b.HasIndex(m => m.EventId).IsUnique();

        // The feed: one tenant's events in position order.
        b.HasIndex(m => new { m.TenantId, m.TransactionId, m.Id });

        // The dispatcher and the per-stream order check only ever look at what is not yet published:
        // partial indexes keep them as small as the backlog, however long the retention.
        b.HasIndex(m => m.Id).HasFilter("\"PublishedAt\" IS NULL").HasDatabaseName("IX_OutboxMessages_Pending");
        b.HasIndex(m => new { m.StreamId, m.Id }).HasFilter("\"PublishedAt\" IS NULL").HasDatabaseName("IX_OutboxMessages_PendingByStream");
        b.HasIndex(m => m.PublishedAt).HasFilter("\"PublishedAt\" IS NOT NULL");
        b.HasIndex(m => new { m.TenantId, m.CustomerExternalId });
    }
}

public sealed class OutboxPurgeConfiguration : IEntityTypeConfiguration<OutboxPurge>
{
    public void Configure(EntityTypeBuilder<OutboxPurge> b)
    {
        b.ToTable("OutboxPurges");
        b.HasKey(p => p.Id);
    }
}
