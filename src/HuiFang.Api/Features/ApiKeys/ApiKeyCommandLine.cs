using HuiFang.Api.Infrastructure.Security;
using HuiFang.Api.Common;
using HuiFang.Api.Features.ApiKeys;
using HuiFang.Api.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.ApiKeys;

/// <summary>
/// <c>api-keys</c> verb of the service, for the very first key of a tenant (and for operators who work
/// from a shell): it talks to the configured database directly, so it needs no key itself.
/// </summary>
public static class ApiKeyCommandLine
{
    public const string Verb = "api-keys";

    public const string Usage = """
        Usage:
          HuiFang.Api api-keys create --tenant <id> --name <name> --scopes <scope,scope,...|all> [--expires <ISO-8601>]
          HuiFang.Api api-keys list   --tenant <id>
          HuiFang.Api api-keys revoke --tenant <id> --id <key id>
        The database is the one the service is configured with (appsettings, HuiFang__* and
        ConnectionStrings__HuiFang environment variables). Scopes: 
        """;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await output.WriteLineAsync(Usage + string.Join(' ', Scopes.All));
            return args.Length == 0 ? 2 : 0;
        }

        var options = ParseOptions(args.Skip(1));
        if (options is null || !options.TryGetValue("tenant", out var tenant) || !ValidationRules.IsCode(tenant))
        {
            await error.WriteLineAsync("--tenant <id> is required: letters, digits, '-', '_', '.', at most 64 characters.\n\n" + Usage + string.Join(' ', Scopes.All));
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentCaller>().Set(Caller.System(tenant, "command line"));
        var keys = scope.ServiceProvider.GetRequiredService<ApiKeyService>();
        var db = scope.ServiceProvider.GetRequiredService<HuiFangDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();

        switch (args[0])
        {
            case "create":
                return await CreateAsync(keys, options, tenant, output, error);
            case "list":
                foreach (var key in await db.ApiKeys.AsNoTracking().OrderBy(k => k.CreatedAt).ToListAsync())
                {
                    var view = ApiKeyResponse.From(key, clock.GetUtcNow());
                    await output.WriteLineAsync($"{view.Id}  {view.Prefix}…  {view.Status,-7}  {view.Name}  [{string.Join(' ', view.Scopes)}]  last used {view.LastUsedAt?.ToString("u") ?? "never"}");
                }

                return 0;
            case "revoke":
                if (!options.TryGetValue("id", out var idText) || !Guid.TryParse(idText, out var id))
                {
                    await error.WriteLineAsync("--id <key id> is required (see api-keys list).");
                    return 2;
                }

                var revoked = await keys.RevokeAsync(id, CancellationToken.None);
                await (revoked is null ? error.WriteLineAsync($"No key {id} in tenant '{tenant}'.") : output.WriteLineAsync($"Revoked {revoked.Prefix}… ({revoked.Name})."));
                return revoked is null ? 1 : 0;
            default:
                await error.WriteLineAsync($"Unknown command '{args[0]}'.\n\n" + Usage + string.Join(' ', Scopes.All));
                return 2;
        }
    }

    private static async Task<int> CreateAsync(ApiKeyService keys, Dictionary<string, string> options, string tenant, TextWriter output, TextWriter error)
    {
        if (!options.TryGetValue("name", out var name) || string.IsNullOrWhiteSpace(name) || name.Length > FieldLimits.Name)
        {
            await error.WriteLineAsync("--name <name> is required (at most 100 characters).");
            return 2;
        }

        var scopes = (options.GetValueOrDefault("scopes") ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries).ToList();
        if (scopes is ["all"])
        {
            scopes = [.. Scopes.All];
        }

        var unknown = scopes.Where(s => !Scopes.IsKnown(s)).ToList();
        if (scopes.Count == 0 || unknown.Count > 0)
        {
            await error.WriteLineAsync($"--scopes needs one or more of: {string.Join(' ', Scopes.All)} (or 'all'). Unknown: {string.Join(' ', unknown)}");
            return 2;
        }

        DateTimeOffset? expires = null;
        if (options.TryGetValue("expires", out var expiresText))
        {
            if (!StrictDateTimeOffsetConverter.TryParse(expiresText, out var parsed))
            {
                await error.WriteLineAsync("--expires must be an ISO-8601 timestamp with an offset, e.g. 2027-06-30T00:00:00+08:00.");
                return 2;
            }

            expires = parsed;
        }

        var issued = await keys.CreateAsync(name, scopes, expires, CancellationToken.None);
        await error.WriteLineAsync($"Created API key '{name}' ({issued.Entity.Id}) for tenant '{tenant}' with scopes: {issued.Entity.Scopes}.");
        await error.WriteLineAsync("It is shown only now; store it in the calling system's secret store:");
        await output.WriteLineAsync(issued.Secret);
        return 0;
    }

    /// <summary>"--name value" pairs; null when the arguments are not all such pairs.</summary>
    private static Dictionary<string, string>? ParseOptions(IEnumerable<string> args)
    {
        var list = args.ToList();
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i += 2)
        {
            if (!list[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= list.Count)
            {
                return null;
            }

            result[list[i][2..]] = list[i + 1];
        }

        return result;
    }
}
