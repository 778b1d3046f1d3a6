using Testcontainers.RabbitMq;

namespace HuiFang.IntegrationTests.Infrastructure;

/// <summary>One RabbitMQ broker per test run: from <c>HUIFANG_TEST_RABBITMQ</c> (an amqp:// URI) or Testcontainers.</summary>
public static class RabbitMqServer
{
    private static readonly RunInfrastructure<Uri> Broker = new(
        "RabbitMQ",
        TestEnvironment.RabbitMqVariable,
        given => new Uri(given),
        async () =>
        {
            var container = new RabbitMqBuilder("rabbitmq:4-management-alpine").Build();
            await container.StartAsync();
            return (new Uri(container.GetConnectionString()), container);
        });

    public static Task<(Uri? Uri, string? Unavailable)> GetAsync() => Broker.GetAsync();

    /// <summary>
    /// The settings that point the service at a broker given as amqp://user:password@host:port/vhost. Test hosts
    /// share the broker but not the database, so only the one that tests intake (<paramref name="receiveIntake"/>)
    /// consumes the intake queue: another host would take its messages and refuse their unknown tenant.
    /// </summary>
    public static Dictionary<string, string?> Settings(Uri uri, bool receiveIntake = false)
    {
        var userInfo = Uri.UnescapeDataString(uri.UserInfo).Split(':', 2);
        var vhost = uri.AbsolutePath is "" or "/" ? "/" : Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        return new Dictionary<string, string?>
        {
            ["HuiFang:Messaging:Transport"] = "RabbitMq",
            ["HuiFang:Messaging:ReceiveIntake"] = receiveIntake ? "true" : "false",
            ["HuiFang:Messaging:RabbitMq:Host"] = uri.Host,
            ["HuiFang:Messaging:RabbitMq:Port"] = (uri.Port > 0 ? uri.Port : 5672).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["HuiFang:Messaging:RabbitMq:VirtualHost"] = vhost,
            ["HuiFang:Messaging:RabbitMq:Username"] = userInfo.ElementAtOrDefault(0) ?? "guest",
            ["HuiFang:Messaging:RabbitMq:Password"] = userInfo.ElementAtOrDefault(1) ?? "guest",
        };
    }
}
