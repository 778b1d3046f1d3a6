using HuiFang.Api.Domain.Tenants;

namespace HuiFang.UnitTests.Security;

/// <summary>What an API key says happened: issued, and revoked once.</summary>
public sealed class ApiKeyEventTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    private static ApiKey Key() => ApiKey.Create(Guid.CreateVersion7(), "t-1", "erp", "hfk_abc", "hash", ["visit-tasks:write"], null, "admin", Now);

    [Fact]
    public void Issuing_a_key_raises_created()
    {
        var key = Key();
        Assert.Equal([new ApiKeyCreated(key, Now)], key.DequeueEvents());
    }

    [Fact]
    public void Revoking_raises_revoked_once()
    {
        var key = Key();
        key.DequeueEvents();
        Assert.True(key.Revoke("admin", Now.AddHours(1)));
        Assert.False(key.Revoke("admin", Now.AddHours(2)));
        Assert.Equal([new ApiKeyRevoked(key, Now.AddHours(1))], key.DequeueEvents());
    }
}
