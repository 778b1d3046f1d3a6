using System.Linq.Expressions;
using HuiFang.Api.Domain.Audit;
using HuiFang.Api.Domain.Customers;
using HuiFang.Api.Domain.Escalations;
using HuiFang.Api.Domain.Feedback;
using HuiFang.Api.Domain.FollowUp;
using HuiFang.Api.Domain.Surveys;
using HuiFang.Api.Domain.Tenants;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Infrastructure.Idempotency;
using HuiFang.Api.Infrastructure.Outbox;
using HuiFang.Api.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Infrastructure.Persistence;

/// <summary>
/// The one model both providers share, and the unit of work; what differs between the providers is in their
/// <see cref="DatabaseDialect"/>. Each provider has its own subclass only so that it can keep its own
/// migration set; handlers depend on this base type.
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
/// <para>
/// It is also where ASP.NET Core Data Protection keeps its key ring (<see cref="IDataProtectionKeyContext"/>,
/// <see cref="Security.DataProtectionSetup"/>), so that every replica on the database shares it.
/// </para>
/// </summary>
public abstract class HuiFangDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    private static readonly ICurrentCaller NoCaller = new CurrentCaller();

    private ICurrentCaller _caller = NoCaller;

    private IServiceProvider? _scope;

    public DbSet<VisitTask> VisitTasks => Set<VisitTask>();

    public DbSet<FeedbackRecord> FeedbackRecords => Set<FeedbackRecord>();

    public DbSet<Domain.Questionnaires.Questionnaire> Questionnaires => Set<Domain.Questionnaires.Questionnaire>();

    public DbSet<Domain.Questionnaires.QuestionnaireVersion> QuestionnaireVersions => Set<Domain.Questionnaires.QuestionnaireVersion>();

    public DbSet<Escalation> Escalations => Set<Escalation>();

    public DbSet<ServiceRecord> ServiceRecords => Set<ServiceRecord>();

    public DbSet<SurveyInvitation> SurveyInvitations => Set<SurveyInvitation>();

    public DbSet<CustomerContactPreference> CustomerContactPreferences => Set<CustomerContactPreference>();

    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<DashboardSession> DashboardSessions => Set<DashboardSession>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<OutboxPurge> OutboxPurges => Set<OutboxPurge>();

    /// <summary>The Data Protection key ring; read and written only by Data Protection, never by a feature.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

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

        DatabaseDialect.Of(Database).ConfigureModel(modelBuilder);
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
        // Enums are stored by name: readable in SQL and stable when members are reordered. The due rule's
        // names are longer than the rest.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<DueRule>().HaveMaxLength(48);

        // Durations as whole ticks: the same on both providers, comparable in SQL.
        configurationBuilder.Properties<TimeSpan>().HaveConversion<long>();

        // Instants: as the provider stores them.
        DatabaseDialect.Of(Database).ConfigureConventions(configurationBuilder);
    }
}

/// <summary>
/// The context of PostgreSQL. EF Core keeps one migration set (and model snapshot) per context type, so each
/// provider has a type of its own for its migrations; everything else is in the base and in the dialect.
/// </summary>
public sealed class PostgresHuiFangDbContext(DbContextOptions<PostgresHuiFangDbContext> options) : HuiFangDbContext(options);

/// <summary>The context of SQLite; a type of its own only for its migration set, as <see cref="PostgresHuiFangDbContext"/>.</summary>
public sealed class SqliteHuiFangDbContext(DbContextOptions<SqliteHuiFangDbContext> options) : HuiFangDbContext(options);
