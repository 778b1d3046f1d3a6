using Testcontainers.RabbitMq;

namespace HuiFang.IntegrationTests.Infrastructure;

/// <summary>One RabbitMQ broker per test run: from <c>HUIFANG_TEST_RABBITMQ</c> (an amqp:// URI) or Testcontainers.</summary>
public static class RabbitMqServer
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Uri? _uri;
    private static string? _unavailable;
    private static RabbitMqContainer? _container;

    public static async Task<(Uri? Uri, string? Unavailable)> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_uri is not null || _unavailable is not null)
            {
                return (_uri, _unavailable);
            }

            if (TestEnvironment.FromEnvironment(TestEnvironment.RabbitMqVariable) is { } given)
            {
                _uri = new Uri(given);
            }
            else if (!TestEnvironment.DockerEngineLikely)
            {
                _unavailable = $"RabbitMQ is not available: set {TestEnvironment.RabbitMqVariable} to an amqp:// URI, or start a Docker engine for Testcontainers.";
            }
            else
            {
                try
                {
                    _container = new RabbitMqBuilder("rabbitmq:4-management-alpine").Build();
                    await _container.StartAsync();
                    _uri = new Uri(_container.GetConnectionString());
                    AppDomain.CurrentDomain.ProcessExit += (_, _) => _container.DisposeAsync().AsTask().GetAwaiter().GetResult();
                }
                catch (Exception e)
                {
                    _unavailable = $"RabbitMQ is not available: {TestEnvironment.RabbitMqVariable} is not set and Testcontainers could not start a container ({e.GetType().Name}: {e.Message}).";
                }
            }

            return (_uri, _unavailable);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>The settings that point the service at a broker given as amqp://user:password@host:port/vhost.</summary>
    public static Dictionary<string, string?> Settings(Uri uri)
    {
        var userInfo = Uri.UnescapeDataString(uri.UserInfo).Split(':', 2);
        var vhost = uri.AbsolutePath is "" or "/" ? "/" : Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        return new Dictionary<string, string?>
        {
            ["HuiFang:Messaging:Transport"] = "RabbitMq",
            ["HuiFang:Messaging:RabbitMq:Host"] = uri.Host,
            ["HuiFang:Messaging:RabbitMq:Port"] = (uri.Port > 0 ? uri.Port : 5672).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["HuiFang:Messaging:RabbitMq:VirtualHost"] = vhost,
            ["HuiFang:Messaging:RabbitMq:Username"] = userInfo.ElementAtOrDefault(0) ?? "guest",
            ["HuiFang:Messaging:RabbitMq:Password"] = userInfo.ElementAtOrDefault(1) ?? "guest",
        };
    }
}
