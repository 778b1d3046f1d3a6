using HuiFang.Api.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;

namespace HuiFang.Api.Infrastructure.Security;

/// <summary>
/// ASP.NET Core Data Protection, which protects the survey page's antiforgery tokens (the form field and its
/// cookie). Its key ring lives in the service's own database, table <c>DataProtectionKeys</c>, on both
/// providers: every replica on one database reads the same keys, and a restarted container finds the keys it
/// made before, so a form loaded from one replica (or before a restart) is accepted by another (or after it).
/// The application name is fixed rather than derived from the content root, so replicas installed in different
/// paths still share the keys.
/// <para>
/// The keys are stored unencrypted: the database is the trust boundary, as it is for everything else the service
/// keeps (the API keys' hashes, the survey links' hashes, the customers' data). Whoever can read the table can
/// read the rest of the database too, and could forge no more than a survey form's antiforgery token, which still
/// needs the survey link (a secret of its own) to be of any use. Data Protection logs a warning ("no XML
/// encryptor configured") when it creates a key, every 90 days; that is this decision, not a fault.
/// </para>
/// </summary>
public static class DataProtectionSetup
{
    /// <summary>The purpose-isolation name every replica shares; changing it makes every open form "expired" once.</summary>
    public const string ApplicationName = "HuiFang";

    public static IServiceCollection AddHuiFangDataProtection(this IServiceCollection services)
    {
        // The repository resolves HuiFangDbContext from a scope of its own: the scoped registration of
        // DatabaseSetup, a context leased from the provider's pool with no caller (the key table is not
        // tenant-owned, so no filter applies to it).
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<HuiFangDbContext>();
        return services;
    }
}
