using System.Text.Json;
using System.Text.Json.Nodes;
using HuiFang.Api.Features.Events.ListEvents;
using HuiFang.Api.Infrastructure.Outbox;
using HuiFang.Contracts;

namespace HuiFang.UnitTests.Events;

public sealed class EventContractTests
{
    public static TheoryData<Type> EventTypes => [.. IntegrationEvents.All];

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Every_event_is_a_sealed_documented_record_with_the_common_fields_and_a_stable_name(Type type)
    {
        Assert.True(type.IsSealed && type.IsPublic);
        Assert.Equal("HuiFang.Contracts", type.Namespace);
        Assert.True(typeof(IIntegrationEvent).IsAssignableFrom(type));
        var contract = IntegrationEvents.Describe(type);
        Assert.Matches("^[a-z]+(-[a-z]+)*$", contract.Name);
        Assert.Equal("huifang." + contract.Name, contract.Exchange);
        Assert.Equal(1, contract.Version);
        Assert.Same(type, IntegrationEvents.Find(type.Name));
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void No_event_carries_a_phone_number_or_a_customer_name(Type type)
    {
        var names = type.GetProperties().Select(p => p.Name.ToLowerInvariant()).ToList();
        Assert.DoesNotContain(names, n => n.Contains("phone", StringComparison.Ordinal) || n.Contains("mobile", StringComparison.Ordinal));
        Assert.DoesNotContain("customername", names);
    }

    [Fact]
    public void Event_names_and_exchanges_are_unique()
    {
        Assert.Equal(IntegrationEvents.All.Count, IntegrationEvents.All.Select(t => IntegrationEvents.Describe(t).Exchange).Distinct().Count());
        Assert.Equal(28, IntegrationEvents.All.Count); // 14 of tasks, feedback and escalations; 5 of survey invitations; 4 of weekly reviews, 2 of spot-checks, 3 of corrective actions
    }

    [Fact]
    public void An_event_round_trips_through_the_outbox_json_unchanged()
    {
        var original = new CustomerStillUnsatisfied(
            Guid.NewGuid(), DateTimeOffset.Parse("2026-11-25T02:00:00Z"), "t", Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(),
            "C-1", "WO-1", 2, "AfterSales", 2, 3, "Supervisor", false, "空调仍然漏水");

        var json = JsonSerializer.Serialize(original, EventJson.Options);
        var back = JsonSerializer.Deserialize<CustomerStillUnsatisfied>(json, EventJson.Options);

        Assert.Equal(original, back);
        Assert.Contains("\"customerExternalId\":\"C-1\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Erasure_replaces_the_customer_id_and_every_field_marked_personal_data()
    {
        var e = new CustomerUnsatisfied(
            Guid.NewGuid(), DateTimeOffset.UnixEpoch, "t", Guid.NewGuid(), Guid.NewGuid(), "C-1", "WO-1", 1, "Unsatisfied",
            ["Complaint"], "Urgent", "AfterSales", "王先生说师傅迟到", null);

        var erased = JsonNode.Parse(EventErasure.Erase(nameof(CustomerUnsatisfied), JsonSerializer.Serialize(e, EventJson.Options), "erased-x"))!;

        Assert.Equal("erased-x", (string?)erased["customerExternalId"]);
        Assert.Equal("[erased]", (string?)erased["unresolvedProblems"]);
        Assert.Equal("WO-1", (string?)erased["workOrderNo"]);
        Assert.Equal(1, (int)erased["score"]!);
        Assert.Equal(["unresolvedProblems"], IntegrationEvents.PersonalDataFields(typeof(CustomerUnsatisfied)));
    }

    [Fact]
    public void Feed_cursors_round_trip_and_malformed_ones_are_refused()
    {
        var cursor = new EventCursor(123456789, 42);
        Assert.True(EventCursor.TryDecode(cursor.Encode(), out var back));
        Assert.Equal(cursor, back);
        foreach (var bad in new[] { "", "abc", "ZTI6MTox", new string('A', 101), "e1:1:1" })
        {
            Assert.False(EventCursor.TryDecode(bad, out _), bad);
        }

        Assert.True(new EventCursor(1, 9).IsBefore(2, 1));
        Assert.True(new EventCursor(2, 1).IsBefore(2, 2));
        Assert.False(new EventCursor(2, 2).IsBefore(2, 2));
    }
}

public sealed class OutboxRulesTests
{
    [Fact]
    public void Backoff_doubles_with_jitter_inside_half_to_full_and_stops_at_the_cap()
    {
        var random = new Random(7);
        var baseDelay = TimeSpan.FromSeconds(1);
        var cap = TimeSpan.FromSeconds(60);
        for (var failures = 1; failures <= 40; failures++)
        {
            var ceiling = Math.Min(cap.TotalMilliseconds, 1000 * Math.Pow(2, Math.Min(failures - 1, 30)));
            for (var i = 0; i < 50; i++)
            {
                var delay = Backoff.Delay(failures, baseDelay, cap, random).TotalMilliseconds;
                Assert.InRange(delay, ceiling / 2, ceiling);
            }
        }

        // Jitter: replicas that failed together do not retry together.
        Assert.True(Enumerable.Range(0, 20).Select(_ => Backoff.Delay(5, baseDelay, cap, random)).Distinct().Count() > 10);
    }

    [Fact]
    public void Outbox_settings_are_validated_by_name()
    {
        var failures = new OutboxOptionsValidator().Validate(null, new OutboxOptions
        {
            BatchSize = 0,
            PollInterval = TimeSpan.Zero,
            RetryBaseDelay = TimeSpan.FromSeconds(10),
            RetryMaxDelay = TimeSpan.FromSeconds(1),
            Retention = TimeSpan.FromMinutes(1),
        }).Failures!.ToList();

        Assert.Contains(failures, f => f.StartsWith("HuiFang:Outbox:BatchSize", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("HuiFang:Outbox:PollInterval", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("HuiFang:Outbox:RetryMaxDelay", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("HuiFang:Outbox:Retention", StringComparison.Ordinal));
        Assert.True(new OutboxOptionsValidator().Validate(null, new OutboxOptions()).Succeeded);
    }
}
