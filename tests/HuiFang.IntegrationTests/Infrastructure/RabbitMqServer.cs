using System.Net.Http.Headers;
using System.Text;
using Testcontainers.RabbitMq;

namespace HuiFang.IntegrationTests.Infrastructure;

/// <summary>
/// One RabbitMQ broker per test run: from <c>HUIFANG_TEST_RABBITMQ</c> (an amqp:// URI, with its management
/// API in <c>HUIFANG_TEST_RABBITMQ_MANAGEMENT</c>) or Testcontainers.
/// </summary>
public static class RabbitMqServer
{
    private const int ManagementPort = 15672;

    private static readonly RunInfrastructure<Broker> Server = new(
        "RabbitMQ",
        TestEnvironment.RabbitMqVariable,
        given => new Broker(new Uri(given), TestEnvironment.FromEnvironment(TestEnvironment.RabbitMqManagementVariable) is { } management ? new Uri(management) : null),
        async () =>
        {
            var container = new RabbitMqBuilder("rabbitmq:4-management-alpine").WithPortBinding(ManagementPort, true).Build();
            await container.StartAsync();
            var amqp = new Uri(container.GetConnectionString());
            var management = new UriBuilder("http", container.Hostname, container.GetMappedPublicPort(ManagementPort)) { UserName = amqp.UserInfo.Split(':')[0], Password = amqp.UserInfo.Split(':')[1] }.Uri;
            return (new Broker(amqp, management), container);
        });

    public static async Task<(Uri? Uri, string? Unavailable)> GetAsync()
    {
        var (broker, unavailable) = await Server.GetAsync();
        return (broker?.Amqp, unavailable);
    }

    /// <summary>
    /// A new, empty virtual host on the run's broker (nothing declared in it yet), with the broker user's
    /// permissions; its amqp:// URI, or null with the reason.
    /// </summary>
    public static async Task<(Uri? Uri, string? Unavailable)> CreateVirtualHostAsync()
    {
        var (broker, unavailable) = await Server.GetAsync();
        if (broker is null)
        {
            return (null, unavailable);
        }

        if (broker.Management is null)
        {
            return (null, $"a virtual host of its own needs the broker's management API: set {TestEnvironment.RabbitMqManagementVariable}.");
        }

        var name = $"huifang-test-{Guid.NewGuid():N}";
        var user = Uri.UnescapeDataString(broker.Amqp.UserInfo.Split(':')[0]);
        using var http = ManagementClient(broker.Management);
        (await http.PutAsync($"api/vhosts/{name}", null)).EnsureSuccessStatusCode();
        (await http.PutAsync($"api/permissions/{name}/{Uri.EscapeDataString(user)}", new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        return (new UriBuilder(broker.Amqp) { Path = "/" + name }.Uri, null);
    }

    /// <summary>A queue as the management API describes it (type, arguments, message counts), as JSON.</summary>
    public static async Task<System.Text.Json.Nodes.JsonObject> DescribeQueueAsync(Uri virtualHost, string queue)
    {
        var (broker, _) = await Server.GetAsync();
        using var http = ManagementClient(broker!.Management!);
        var vhost = Uri.EscapeDataString(Uri.UnescapeDataString(virtualHost.AbsolutePath.TrimStart('/')));
        return (await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>(http, $"api/queues/{vhost}/{Uri.EscapeDataString(queue)}"))!;
    }

    public static async Task DeleteVirtualHostAsync(Uri virtualHost)
    {
        var (broker, _) = await Server.GetAsync();
        using var http = ManagementClient(broker!.Management!);
        await http.DeleteAsync($"api/vhosts/{Uri.EscapeDataString(Uri.UnescapeDataString(virtualHost.AbsolutePath.TrimStart('/')))}");
    }

    private static HttpClient ManagementClient(Uri management)
    {
        var http = new HttpClient { BaseAddress = new UriBuilder(management) { UserName = "", Password = "", Path = "/" }.Uri, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(management.UserInfo))));
        return http;
    }

    private sealed record Broker(Uri Amqp, Uri? Management);

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
