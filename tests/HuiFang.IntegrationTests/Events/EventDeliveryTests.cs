using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using HuiFang.Api.Infrastructure.Outbox;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Contracts;
using HuiFang.IntegrationTests.Infrastructure;
using HuiFang.IntegrationTests.VisitTasks;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HuiFang.IntegrationTests.Events;

/// <summary>
/// Events from the outbox to a real RabbitMQ broker, on PostgreSQL, as production runs them: what a
/// subscriber receives, and that nothing is lost when the broker or the dispatcher goes away.
/// Each test has a database of its own; broker outages are staged with a <see cref="TcpFaultProxy"/>
/// in front of the shared broker, so other tests keep theirs.
/// </summary>
public sealed class EventDeliveryTests() : OwnDatabaseTestBase(needsBroker: true)
{
    private const string Created = "huifang.visit-task-created";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private int _n;

    [Fact]
    public async Task A_subscriber_bound_to_the_exchange_receives_VisitTaskCreated_with_the_contract_fields_and_the_event_id_as_message_id()
    {
        var subscriber = await SubscribeAsync(Created);
        var app = StartApp();
        using var client = await app.CreateAuthenticatedClientAsync();

        var taskId = await CreateTaskAsync(client);

        var message = (await subscriber.WaitUntilAsync(r => r.Count >= 1, Patience, "VisitTaskCreated")).Single();
        var e = message.Event;
        Assert.Equal((string?)e["eventId"], message.MessageId);
        Assert.Equal(taskId.ToString(), (string?)e["taskId"]);
        Assert.Equal(ApiFixture.TenantA, (string?)e["tenantId"]);
        Assert.Equal("C-1", (string?)e["customerExternalId"]);
        Assert.Equal("WO-E-1", (string?)e["workOrderNo"]);
        Assert.Equal("Repair", (string?)e["serviceType"]);
        Assert.Equal("AfterSales", (string?)e["purpose"]);
        Assert.Equal("Phone", (string?)e["channel"]);
        Assert.Equal("agent-07", (string?)e["assignee"]);
        Assert.Equal("Assigned", (string?)e["status"]);
        Assert.NotNull(e["dueBy"]);
        Assert.NotNull(e["scheduledFor"]);
        Assert.DoesNotContain("13812345678", message.Body.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("王先生", message.Body.ToJsonString(), StringComparison.Ordinal);

        // What a plain AMQP client routes and de-duplicates by, without opening the body.
        Assert.Equal("VisitTaskCreated", message.Headers[OutboxDispatcher.EventTypeHeader]);
        Assert.Equal("1", message.Headers[OutboxDispatcher.EventVersionHeader]);
        Assert.Equal(ApiFixture.TenantA, message.Headers[OutboxDispatcher.TenantHeader]);
        Assert.Equal("application/vnd.masstransit+json", message.ContentType);
        Assert.Contains("urn:message:HuiFang.Contracts:VisitTaskCreated", message.Body["messageType"]!.AsArray().Select(t => (string?)t));
        Assert.Equal((string?)e["eventId"], (string?)message.Body["messageId"]);

        // The feed shows the same event, with the same id (once no older transaction in the cluster is still running).
        JsonNode? feed = null;
        await WaitForAsync(async () => (feed = JsonNode.Parse(await client.GetStringAsync("/api/v1/events"))!)["events"]!.AsArray().Count > 0, "the event in the feed");
        Assert.Equal(message.MessageId, (string?)feed!["events"]![0]!["eventId"]);
    }

    [Fact]
    public async Task A_MassTransit_subscriber_using_the_contracts_package_receives_the_typed_event()
    {
        var received = new TaskCompletionSource<(VisitTaskCreated Event, Guid? MessageId)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscriberBus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            var user = Uri.UnescapeDataString(Broker.UserInfo).Split(':', 2);
            cfg.Host(Broker.Host, (ushort)Broker.Port, "/", h =>
            {
                h.Username(user[0]);
                h.Password(user.ElementAtOrDefault(1) ?? "");
            });

            // As the README shows: bind to HuiFang's exchange names, which the contracts carry.
            cfg.Message<VisitTaskCreated>(m => m.SetEntityName(IntegrationEvents.Describe(typeof(VisitTaskCreated)).Exchange));
            cfg.ReceiveEndpoint($"huifang-tests-{Guid.NewGuid():N}", endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Durable = false;
                endpoint.Handler<VisitTaskCreated>(context =>
                {
                    received.TrySetResult((context.Message, context.MessageId));
                    return Task.CompletedTask;
                });
            });
        });
        await subscriberBus.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            var app = StartApp();
            using var client = await app.CreateAuthenticatedClientAsync();
            var taskId = await CreateTaskAsync(client);

            var (e, messageId) = await received.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);
            Assert.Equal(taskId, e.TaskId);
            Assert.Equal(e.EventId, messageId);
            Assert.Equal("WO-E-1", e.WorkOrderNo);
            Assert.Equal(TestClock.Start, e.OccurredAt);
        }
        finally
        {
            await subscriberBus.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_rolled_back_change_publishes_nothing()
    {
        var subscriber = await SubscribeAsync(Created);
        var app = StartApp();
        using var client = await app.CreateAuthenticatedClientAsync();

        // An event written in a transaction that then rolls back.
        var ghost = Guid.NewGuid();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentCaller>().Set(Caller.System(ApiFixture.TenantA, "tests"));
            var db = scope.ServiceProvider.GetRequiredService<HuiFangDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            scope.ServiceProvider.GetRequiredService<EventOutbox>().Add(NewCreatedEvent(ghost), EventStreams.VisitTask(ghost));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        // Requests that fail after planning the task: a duplicate, and a batch whose second item conflicts.
        var first = await CreateTaskAsync(client);
        var duplicate = await client.PostAsync("/api/v1/visit-tasks", ApiTestBase.Json(VisitTaskRequests.NewTask(customer: "C-1", workOrder: "WO-E-1")));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        var batch = await client.PostAsync("/api/v1/visit-tasks/batch", ApiTestBase.Json(new JsonObject
        {
            ["items"] = new JsonArray(VisitTaskRequests.NewTask(customer: "C-B1", workOrder: "WO-B1"), VisitTaskRequests.NewTask(customer: "C-B1", workOrder: "WO-B2")),
        }));
        Assert.Equal(HttpStatusCode.OK, batch.StatusCode);
        var marker = await CreateTaskAsync(client);

        await subscriber.WaitUntilAsync(r => subscriber.About(marker).Count > 0, Patience, "the marker event");
        var published = subscriber.Received.Select(m => (string?)m.Event["taskId"]).ToHashSet();
        Assert.DoesNotContain(ghost.ToString(), published);
        Assert.Contains(first.ToString(), published);
        Assert.Equal(3, published.Count); // the first task, the batch's accepted item, the marker
        Assert.Equal(3, await CountAsync("SELECT count(*) FROM \"OutboxMessages\""));
    }

    [Fact]
    public async Task Events_written_while_theBroker_is_down_all_arrive_after_it_returns()
    {
        var subscriber = await SubscribeAsync(Created);
        var proxy = new TcpFaultProxy(Broker.Host, Broker.Port);
        Own(proxy);
        proxy.Start();
        var app = StartApp(brokerPort: proxy.Port);
        using var client = await app.CreateAuthenticatedClientAsync();
        var before = await CreateTaskAsync(client);
        await subscriber.WaitUntilAsync(_ => subscriber.About(before).Count > 0, Patience, "the event sent while the broker is up");

        // The subscriber can hold the event before the dispatcher has the broker's confirmation and marks
        // its row; cut then, that row would count among the outage's. Wait for the mark, not for a moment.
        await WaitForAsync(async () => await CountAsync("SELECT count(*) FROM \"OutboxMessages\" WHERE \"PublishedAt\" IS NULL") == 0, "the first event marked published");
        proxy.Stop();
        var written = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            written.Add(await CreateTaskAsync(client)); // writes keep working
        }

        // Readiness stays up and shows the backlog: writes go on, events wait.
        JsonNode? outbox = null;
        await WaitForAsync(
            async () =>
            {
                var ready = await client.GetAsync("/health/ready");
                Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
                outbox = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!["checks"]!["outbox"];
                return (string?)outbox!["status"] == "Degraded" && (long)outbox["data"]!["pending"]! >= 10;
            },
            "readiness to report the failing dispatcher and its backlog");
        Assert.True((int)outbox!["data"]!["consecutiveFailures"]! > 0);
        Assert.All(written, id => Assert.Empty(subscriber.About(id)));
        Assert.Equal(10, await CountAsync("SELECT count(*) FROM \"OutboxMessages\" WHERE \"PublishedAt\" IS NULL"));

        proxy.Start();
        await subscriber.WaitUntilAsync(_ => written.All(id => subscriber.About(id).Count > 0), TimeSpan.FromSeconds(90), "every event written during the outage");

        foreach (var id in written.Append(before))
        {
            // At least once: a redelivery, if any, is the same message.
            Assert.Single(subscriber.About(id).Select(m => m.MessageId).Distinct());
        }

        await WaitForAsync(async () => await CountAsync("SELECT count(*) FROM \"OutboxMessages\" WHERE \"PublishedAt\" IS NULL") == 0, "every row marked published");
    }

    [Fact]
    public async Task A_dispatcher_stopped_between_publish_and_mark_leaves_the_event_to_be_delivered_again_with_the_same_message_id()
    {
        var subscriber = await SubscribeAsync(Created);
        var stopHere = new StopAfterPublish();
        var first = StartApp(services: s => s.AddSingleton<IOutboxDispatchHook>(stopHere));
        using var client = await first.CreateAuthenticatedClientAsync();
        var taskId = await CreateTaskAsync(client);

        var eventId = await stopHere.Reached.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);
        await subscriber.WaitUntilAsync(_ => subscriber.About(taskId).Count == 1, Patience, "the first delivery");

        // The process goes away after the broker confirmed the event and before the row was marked.
        await first.DisposeAsync();
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM \"OutboxMessages\" WHERE \"PublishedAt\" IS NULL"));

        // The next dispatcher (a restart, or another replica) publishes it again.
        StartApp();
        await subscriber.WaitUntilAsync(_ => subscriber.About(taskId).Count >= 2, Patience, "the redelivery");
        Assert.All(subscriber.About(taskId), m => Assert.Equal(eventId.ToString(), m.MessageId));
        await WaitForAsync(async () => await CountAsync("SELECT count(*) FROM \"OutboxMessages\" WHERE \"PublishedAt\" IS NULL") == 0, "the row marked published");
    }

    [Fact]
    public async Task Two_dispatchers_on_oneDatabase_publish_each_event_once()
    {
        var subscriber = await SubscribeAsync(Created);
        var one = StartApp();
        var two = StartApp();
        using var clientOne = await one.CreateAuthenticatedClientAsync();
        using var clientTwo = await two.CreateAuthenticatedClientAsync();

        var tasks = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => CreateTaskAsync(i % 2 == 0 ? clientOne : clientTwo)));

        await subscriber.WaitUntilAsync(_ => tasks.All(id => subscriber.About(id).Count > 0), Patience, "all 60 events");
        await WaitForAsync(async () => await CountAsync("SELECT count(*) FROM \"OutboxMessages\" WHERE \"PublishedAt\" IS NULL") == 0, "every row marked published");
        await Task.Delay(500, TestContext.Current.CancellationToken); // a late duplicate would show up by now
        Assert.Equal(60, subscriber.Received.Count);
        Assert.All(tasks, id => Assert.Single(subscriber.About(id)));
    }

    [Fact]
    public async Task A_later_event_of_a_task_waits_while_another_dispatcher_holds_the_earlier_one()
    {
        var subscriber = await SubscribeAsync(Created, "huifang.visit-task-cancelled");
        var holdFirst = new HoldBeforePublish();
        var one = StartApp(services: s => s.AddSingleton<IOutboxDispatchHook>(holdFirst));
        using var clientOne = await one.CreateAuthenticatedClientAsync();
        var taskId = await CreateTaskAsync(clientOne);
        await holdFirst.Holding.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);

        // Dispatcher one has claimed VisitTaskCreated and hangs before publishing it; the task's next event
        // is committed through the second instance, whose dispatcher is free.
        var two = StartApp();
        using var clientTwo = await two.CreateAuthenticatedClientAsync();
        var cancel = await clientTwo.PostAsync($"/api/v1/visit-tasks/{taskId}/cancel", ApiTestBase.Json(new JsonObject { ["reason"] = "order test" }));
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken); // two rounds of the free dispatcher
        Assert.Empty(subscriber.About(taskId));

        holdFirst.Release.SetResult();
        await subscriber.WaitUntilAsync(_ => subscriber.About(taskId).Count >= 2, Patience, "both events of the task");
        Assert.Equal(["VisitTaskCreated", "VisitTaskCancelled"], subscriber.About(taskId).Select(m => m.Headers[OutboxDispatcher.EventTypeHeader]));
    }

    [Fact]
    public async Task A_commit_wakes_the_dispatcher_without_waiting_for_the_poll()
    {
        var subscriber = await SubscribeAsync(Created);

        // With an hour between polls, only the commit's wake-up can send the event in time.
        var app = StartApp(settings: new() { ["HuiFang:Outbox:PollInterval"] = "01:00:00" });
        using var client = await app.CreateAuthenticatedClientAsync();
        await Task.Delay(500, TestContext.Current.CancellationToken); // the dispatcher's first round is over: it now sleeps
        var taskId = await CreateTaskAsync(client);

        await subscriber.WaitUntilAsync(_ => subscriber.About(taskId).Count > 0, TimeSpan.FromSeconds(10), "the event, woken by the commit");
    }

    [Fact]
    public async Task Commit_toBroker_latency_is_measured_at_a_steady_rate()
    {
        var subscriber = await SubscribeAsync(Created);
        var app = StartApp();
        using var client = await app.CreateAuthenticatedClientAsync();
        await CreateTaskAsync(client); // warm-up: JIT, connections, exchange
        await subscriber.WaitUntilAsync(r => r.Count >= 1, Patience, "the warm-up event");

        // 200 tasks at 50/s; the latency runs from the 201 response (commit done) to the subscriber's delivery.
        const int count = 200;
        var committed = new Dictionary<Guid, long>();
        var pace = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var id = await CreateTaskAsync(client);
            committed[id] = Stopwatch.GetTimestamp();
            var next = TimeSpan.FromMilliseconds(20 * (i + 1)) - pace.Elapsed;
            if (next > TimeSpan.Zero)
            {
                await Task.Delay(next, TestContext.Current.CancellationToken);
            }
        }

        await subscriber.WaitUntilAsync(_ => committed.Keys.All(id => subscriber.About(id).Count > 0), Patience, "all measured events");
        var latencies = committed
            .Select(c => Stopwatch.GetElapsedTime(c.Value, subscriber.About(c.Key).Min(m => m.ReceivedAt)).TotalMilliseconds)
            .Order()
            .ToList();
        double Percentile(double p) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"commit→subscriber over {count} events at 50/s: p50 {Percentile(0.50):0.0} ms, p99 {Percentile(0.99):0.0} ms, max {latencies[^1]:0.0} ms");
        Console.WriteLine($"[measure] commit→subscriber latency, {count} events at 50/s: p50 {Percentile(0.50):0.0} ms, p99 {Percentile(0.99):0.0} ms, max {latencies[^1]:0.0} ms");
        Assert.Equal(count + 1, subscriber.Received.Select(m => m.MessageId).Distinct().Count());
    }

    private HuiFangApp StartApp(int? brokerPort = null, Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var all = RabbitMqServer.Settings(Broker);
        all["HuiFang:Database:Provider"] = "PostgreSql";
        all["ConnectionStrings:HuiFang"] = Database;
        if (brokerPort is { } port)
        {
            all["HuiFang:Messaging:RabbitMq:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        // Fail and retry fast, so that an outage in a test lasts seconds.
        all["HuiFang:Outbox:PublishTimeout"] = "00:00:03";
        all["HuiFang:Outbox:RetryBaseDelay"] = "00:00:00.200";
        all["HuiFang:Outbox:RetryMaxDelay"] = "00:00:02";
        all["HuiFang:Outbox:PollInterval"] = "00:00:01";
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        var app = new HuiFangApp(all, new TestClock(), services: services);
        Own(app);
        _ = app.Server;
        return app;
    }

    private async Task<EventSubscriber> SubscribeAsync(params string[] exchanges)
    {
        var subscriber = await EventSubscriber.StartAsync(Broker, exchanges);
        Own(subscriber);
        return subscriber;
    }

    private async Task<Guid> CreateTaskAsync(HttpClient client)
    {
        var n = Interlocked.Increment(ref _n);
        var response = await client.PostAsync("/api/v1/visit-tasks", ApiTestBase.Json(VisitTaskRequests.NewTask(customer: $"C-{n}", workOrder: $"WO-E-{n}")));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (Guid)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!;
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(deadline.Elapsed < Patience, $"Timed out waiting for {what}.");
            await Task.Delay(100);
        }
    }

    private static VisitTaskCreated NewCreatedEvent(Guid taskId) => new(
        Guid.NewGuid(), TestClock.Start, ApiFixture.TenantA, taskId, "C-ghost", "WO-ghost", "Repair", null, "AfterSales", "Phone", null, "Pending",
        TestClock.Start, TestClock.Start.AddDays(3), TestClock.Start, null);

    /// <summary>Holds the dispatcher with its first claimed event, before publishing it, until released.</summary>
    private sealed class HoldBeforePublish : IOutboxDispatchHook
    {
        public TaskCompletionSource Holding { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async ValueTask BeforePublishAsync(Guid eventId, CancellationToken cancellationToken)
        {
            Holding.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Holds the dispatcher right after the broker confirmed an event, until the host stops.</summary>
    private sealed class StopAfterPublish : IOutboxDispatchHook
    {
        public TaskCompletionSource<Guid> Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async ValueTask PublishedAsync(Guid eventId, CancellationToken cancellationToken)
        {
            Reached.TrySetResult(eventId);
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }
}
