namespace HuiFang.IntegrationTests.Infrastructure;

/// <summary>
/// A test class with a PostgreSQL database of its own (and the shared RabbitMQ broker when it asks for one),
/// skipped — or failed in CI — when either is missing. What the tests start (apps, subscribers) is handed to
/// <see cref="Own{T}"/> and disposed, newest first, before the database is dropped.
/// </summary>
public abstract class OwnDatabaseTestBase(bool needsBroker) : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _owned = [];

    /// <summary>The broker's URI (only when the class asked for one).</summary>
    protected Uri Broker { get; private set; } = null!;

    /// <summary>The connection string of this class's database.</summary>
    protected string Database { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (needsBroker)
        {
            var (broker, brokerMissing) = await RabbitMqServer.GetAsync();
            if (broker is null)
            {
                TestEnvironment.SkipOrFail(brokerMissing!);
                return;
            }

            Broker = broker;
        }

        var (database, databaseMissing) = await PostgresServer.CreateDatabaseAsync();
        if (database is null)
        {
            TestEnvironment.SkipOrFail(databaseMissing!);
            return;
        }

        Database = database;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }

        if (Database is not null)
        {
            await PostgresServer.DropDatabaseAsync(Database);
        }

        GC.SuppressFinalize(this);
    }

    protected T Own<T>(T disposable)
        where T : IAsyncDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
