using HuiFang.Api.Infrastructure.Configuration;
using HuiFang.Api.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HuiFang.Api.Infrastructure.Security;

/// <summary>
/// The embedded mode's first-start convenience: when no API key exists at all, an admin key with every
/// scope is created for tenant <c>default</c> and printed once, so a newcomer can authorise in Swagger UI
/// straight away. Never in Production and never on PostgreSQL, whatever the setting says.
/// </summary>
public static class BootstrapKey
{
    public const string TenantId = "default";

    /// <summary>The command that creates a tenant's first key, as the start-up line prints it.</summary>
    public const string FirstKeyCommand = "dotnet HuiFang.Api.dll api-keys create --tenant <id> --name admin --scopes all";

    /// <summary>
    /// While no API key exists at all: how to create the first one (nobody can call the API without one, and
    /// outside the embedded development start none is made for you). Null once a key exists, or when the
    /// database cannot say (the service starts anyway and readiness reports the database).
    /// </summary>
    public static async Task<string?> FirstKeyHintAsync(IServiceProvider services)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<HuiFangDbContext>().ApiKeys.IgnoreQueryFilters().AnyAsync())
            {
                return null;
            }
        }
        catch (Exception e) when (e is System.Data.Common.DbException or TimeoutException or InvalidOperationException)
        {
            return null;
        }

        return $"no API key exists yet: create the first one with `{FirstKeyCommand}` (same settings as the service; "
            + "in the compose stack prefix it with `docker compose exec api`)";
    }

    public static Task EnsureAsync(IServiceProvider services, IHostEnvironment environment, DatabaseTarget database, TextWriter console) =>
        EnsureAsync(services, services.GetRequiredService<IOptions<AuthOptions>>().Value.CreateBootstrapKey, environment, database, console);

    /// <summary>Creates and prints the key when <paramref name="enabled"/>, the mode is embedded and no key exists; true when it did.</summary>
    public static async Task<bool> EnsureAsync(IServiceProvider services, bool enabled, IHostEnvironment environment, DatabaseTarget database, TextWriter console)
    {
        if (!enabled)
        {
            return false;
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BootstrapKey));
        if (environment.IsProduction() || database.Provider != DatabaseProvider.Sqlite)
        {
            logger.LogWarning("HuiFang:Auth:CreateBootstrapKey is ignored outside the embedded mode; create the first key with the api-keys command");
            return false;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HuiFangDbContext>();
        if (await db.ApiKeys.IgnoreQueryFilters().AnyAsync())
        {
            return false;
        }

        scope.ServiceProvider.GetRequiredService<CurrentCaller>().Set(Caller.System(TenantId, "bootstrap"));
        var issued = await scope.ServiceProvider.GetRequiredService<ApiKeyService>()
            .CreateAsync("bootstrap admin", Scopes.All, null, CancellationToken.None);

        // Written to the console, not the log: it is a secret, shown once, to the person who started the service.
        await console.WriteLineAsync($"""

            ================================================================================
             First start: created an admin API key for tenant '{TenantId}' with every scope.
             It is shown only this once. In Swagger UI click "Authorize" and paste it as ApiKey:

               {issued.Secret}

             Create narrower keys with POST /api/v1/admin/api-keys and revoke this one when
             you no longer need it.
            ================================================================================

            """);
        return true;
    }
}
