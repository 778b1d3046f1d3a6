using HuiFang.Api.Infrastructure.Configuration;
using HuiFang.Api.Infrastructure.Outbox;
using HuiFang.Api.Infrastructure.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace HuiFang.Api.Infrastructure.Persistence;

/// <summary>Where the data lives, decided once at start-up from configuration.</summary>
public sealed record DatabaseTarget(DatabaseProvider Provider, string ConnectionString, string Description);

public static class DatabaseSetup
{
    public const string ConnectionStringName = "HuiFang";

    /// <summary>Registers the provider's <see cref="HuiFangDbContext"/> subclass behind the shared base type, and its <see cref="DatabaseDialect"/>.</summary>
    public static DatabaseTarget AddHuiFangDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section)).ValidateOnStart();
        if (options.ContextPoolSize is < 1 or > 1024)
        {
            throw new OptionsValidationException(
                $"{DatabaseOptions.Section}:ContextPoolSize",
                typeof(DatabaseOptions),
                [$"{DatabaseOptions.Section}:ContextPoolSize must be between 1 and 1024 (got {options.ContextPoolSize})."]);
        }

        var target = Resolve(options, configuration.GetConnectionString(ConnectionStringName), contentRoot);
        services.AddSingleton(target);
        services.AddSingleton(DatabaseDialect.For(target.Provider));
        services.AddOutboxSignal();
        services.AddSingleton<DomainEventInterceptor>();
        services.AddScoped<EventRecording>();

        // One query per load, said explicitly: an escalation brings its notes and its SLA cycles (two owned
        // collections) in one statement, which EF Core otherwise warns about on every first compilation.
        // A few rows each: one statement costs less than a round trip per collection.
        //
        // Pooled contexts: a context built for every request cost a fifth of the request's allocations (its
        // own internal service scope, options, change tracker); a pooled one is reset and reused. Each
        // scope leases one and points it at its caller, so tenant filtering works as before.
        if (target.Provider == DatabaseProvider.PostgreSql)
        {
            services.AddSingleton<NpgsqlPoolGuard>();
            AddLeasedContext<PostgresHuiFangDbContext>(services, options.ContextPoolSize, (sp, o) => o.UseNpgsql(target.ConnectionString, n => n.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery)).AddInterceptors(sp.GetRequiredService<NpgsqlPoolGuard>()));
        }
        else
        {
            AddLeasedContext<SqliteHuiFangDbContext>(services, options.ContextPoolSize, (_, o) => o.UseSqlite(target.ConnectionString, l => l.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery)));
        }

        return target;
    }

    private static void AddLeasedContext<TContext>(IServiceCollection services, int poolSize, Func<IServiceProvider, DbContextOptionsBuilder, DbContextOptionsBuilder> provider)
        where TContext : HuiFangDbContext
    {
        services.AddPooledDbContextFactory<TContext>((sp, o) => Common(sp, provider(sp, o)), poolSize);
        services.AddScoped<HuiFangDbContext>(sp => sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext().Lease(sp.GetRequiredService<ICurrentCaller>(), sp));
    }

    /// <summary>
    /// What both providers share: quiet expected errors, a wake-up for the outbox dispatcher on every commit
    /// that wrote events, and any interceptor registered in the container (diagnostics; fault injection in tests).
    /// </summary>
    private static void Common(IServiceProvider services, DbContextOptionsBuilder options) =>
        QuietExpectedCommandErrors(options)
            .AddInterceptors(services.GetRequiredService<OutboxCommitInterceptor>())
            .AddInterceptors(services.GetRequiredService<DomainEventInterceptor>())
            .AddInterceptors(services.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>());

    /// <summary>
    /// EF Core logs every failed command as an error, including ones that are expected here: a unique
    /// violation answered as 409, and the missing history table Npgsql probes for on a fresh database
    /// (npgsql/efcore.pg#3407). Every unexpected failure surfaces as an exception that the service logs
    /// itself, so EF's own record of it is kept at Information.
    /// </summary>
    private static DbContextOptionsBuilder QuietExpectedCommandErrors(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Log((Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandError, LogLevel.Information)));

    /// <summary>
    /// Npgsql settings the service's traffic wants, unless the operator's connection string says otherwise
    /// (measured with bench/run, see bench/results): statements EF sends again and again are prepared on
    /// each pooled connection, so PostgreSQL parses and plans them once instead of on every request; and a
    /// connection going back to the pool is not reset with DISCARD ALL, which would also drop those prepared
    /// statements. The service keeps no session state to reset: its locks are transaction-scoped
    /// (pg_advisory_xact_lock) and it sets nothing on a connection. GSS encryption is off: Npgsql's
    /// default (Prefer) loads the Kerberos library on every new connection, and where it is missing (the
    /// image has none) the native loader writes "Cannot load library libgssapi_krb5.so.2" to the output,
    /// breaking its JSON lines; a server that needs GSS says so with <c>GSS Encryption Mode=Require</c>
    /// (TLS is what protects the connection otherwise).
    /// </summary>
    public static string WithServiceDefaults(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 100;
        }

        if (!given.ContainsKey("Auto Prepare Min Usages") && !given.ContainsKey("AutoPrepareMinUsages"))
        {
            builder.AutoPrepareMinUsages = 2;
        }

        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        if (!given.ContainsKey("GSS Encryption Mode") && !given.ContainsKey("GssEncryptionMode"))
        {
            builder.GssEncryptionMode = Npgsql.GssEncryptionMode.Disable;
        }

        return builder.ConnectionString;
    }

    public static DatabaseTarget Resolve(DatabaseOptions options, string? connectionString, string contentRoot)
    {
        if (options.Provider == DatabaseProvider.PostgreSql)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new OptionsValidationException(
                    $"ConnectionStrings:{ConnectionStringName}",
                    typeof(DatabaseOptions),
                    [$"ConnectionStrings:{ConnectionStringName} is required when {DatabaseOptions.Section}:Provider is PostgreSql (environment variable ConnectionStrings__{ConnectionStringName})."]);
            }

            var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            return new DatabaseTarget(DatabaseProvider.PostgreSql, WithServiceDefaults(connectionString), $"PostgreSQL database '{builder.Database}' on {builder.Host}:{builder.Port}");
        }

        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            var given = new SqliteConnectionStringBuilder(connectionString);
            return new DatabaseTarget(DatabaseProvider.Sqlite, connectionString, $"SQLite database {given.DataSource}");
        }

        var path = Path.GetFullPath(Path.IsPathRooted(options.SqlitePath) ? options.SqlitePath : Path.Combine(contentRoot, options.SqlitePath));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var sqlite = new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 30, Pooling = true };
        return new DatabaseTarget(DatabaseProvider.Sqlite, sqlite.ToString(), $"SQLite database {path}");
    }

    /// <summary>Twelve tries five seconds apart while the database cannot be reached yet; any other failure at once.</summary>
    private static ResiliencePipeline StartupRetry(ILogger logger) => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Npgsql.NpgsqlException>(e => e.IsTransient),
            MaxRetryAttempts = StartupAttempts - 1,
            Delay = TimeSpan.FromSeconds(5),
            BackoffType = DelayBackoffType.Constant,
            UseJitter = false,
            OnRetry = retry =>
            {
                logger.LogWarning("Database not reachable yet ({Message}); retrying migrations in 5 s (attempt {Attempt} of {Attempts})", retry.Outcome.Exception?.Message, retry.AttemptNumber + 1, StartupAttempts);
                return ValueTask.CompletedTask;
            },
        })
        .Build();

    private const int StartupAttempts = 12;

    /// <summary>
    /// Brings the schema up to date with the migrations of the provider in use. A database created by an
    /// older version is upgraded in place, never recreated; the migrations start at one baseline per
    /// provider (tools/baseline-migrations), and a database created before that baseline is not upgraded.
    /// With migrations turned off, a database that is behind only produces a warning.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HuiFangDbContext>();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseSetup));

        if (!options.MigrateOnStartup)
        {
            try
            {
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
                if (pending.Count > 0)
                {
                    logger.LogWarning("The database is {Count} migration(s) behind ({Migrations}) and migrations at start-up are off", pending.Count, string.Join(", ", pending));
                }
            }
            catch (Exception e) when (e is System.Data.Common.DbException or TimeoutException)
            {
                // Without migrations to apply the service can start and answer 503 until the database is back.
                logger.LogWarning(e, "Could not reach the database to check its migrations; starting anyway");
            }

            return;
        }

        // A database container may still be starting: retry transient failures for about a minute.
        await StartupRetry(logger).ExecuteAsync(async ct =>
        {
            var applied = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            await db.Database.MigrateAsync(ct);
            if (applied.Count > 0)
            {
                logger.LogInformation("Applied {Count} migration(s): {Migrations}", applied.Count, string.Join(", ", applied));
            }
        }, cancellationToken);

        await scope.ServiceProvider.GetRequiredService<DatabaseDialect>().PrepareAsync(db, cancellationToken);
    }
}
