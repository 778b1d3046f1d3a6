using System.Net;
using HuiFang.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.IntegrationTests.Operations;

/// <summary>One pooled PostgreSQL connection, so that the connection a failed statement used is the next one handed out.</summary>
public sealed class OneConnectionPostgresFixture : PostgresApiFixture
{
    protected override async Task<(IReadOnlyDictionary<string, string?>? Settings, string? Unavailable)> CreateSettingsAsync()
    {
        var (settings, unavailable) = await base.CreateSettingsAsync();
        if (settings is null)
        {
            return (settings, unavailable);
        }

        var changed = new Dictionary<string, string?>(settings);
        changed["ConnectionStrings:HuiFang"] += ";Maximum Pool Size=1;Minimum Pool Size=0";
        return (changed, null);
    }
}

/// <summary>
/// A statement PostgreSQL refuses while binding its parameters (a value too long) leaves Npgsql's automatically
/// prepared statement broken, and the connection's next user got "Received unexpected backend message
/// DataRow" — a 500 on an innocent request. The service retires the pool's connections when that happens.
/// </summary>
public sealed class NpgsqlPoolGuardTests(OneConnectionPostgresFixture fixture) : ApiTestBase(fixture), IClassFixture<OneConnectionPostgresFixture>
{
    [Fact]
    public async Task After_a_value_the_database_refuses_while_binding_the_next_request_on_that_connection_still_works()
    {
        await Fixture.InScopeAsync(db => db.Database.ExecuteSqlRawAsync("CREATE TABLE IF NOT EXISTS pool_guard_probe (id serial PRIMARY KEY, value varchar(5))"));

        // Twice, so that the statement is prepared automatically (AutoPrepareMinUsages = 2) on the next use.
        await InsertAsync("one");
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => InsertAsync("far too long"));
        Assert.Contains("22001", refused.ToString(), StringComparison.Ordinal);

        await InsertAsync("two");
        await InsertAsync("three");
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/api/v1/visit-tasks")).StatusCode);
        Assert.Equal(3, await Fixture.InScopeAsync(db => db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM pool_guard_probe").SingleAsync()));
    }

    private Task<int> InsertAsync(string value) => Fixture.InScopeAsync(async db =>
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        // RETURNING, as EF Core's own inserts of generated values do: the stray DataRow is the statement's result row.
        var id = await db.Database.SqlQuery<int>($"INSERT INTO pool_guard_probe (value) VALUES ({value}) RETURNING id AS \"Value\"").ToListAsync();
        await transaction.CommitAsync();
        return id.Single();
    });
}
