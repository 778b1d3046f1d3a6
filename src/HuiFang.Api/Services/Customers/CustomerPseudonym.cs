using System.Security.Cryptography;
using System.Text;

namespace HuiFang.Api.Services.Customers;

/// <summary>The id that stands for an erased customer in HuiFang's records.</summary>
public static class CustomerPseudonym
{
    /// <summary>"erased-" and 24 hex digits of HMAC-SHA256 keyed by the tenant: stable, not reversible.</summary>
    public static string For(string tenantId, string externalId) =>
        "erased-" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("huifang-erasure/" + tenantId), Encoding.UTF8.GetBytes(externalId)))[..24];
}
