using System.Net;
using System.Text.Json.Nodes;
using HuiFang.IntegrationTests.Escalations;
using HuiFang.IntegrationTests.Infrastructure;

namespace HuiFang.IntegrationTests.Feedback;

public sealed class SqliteRecordFeedbackTests(SqliteApiFixture fixture) : RecordFeedbackTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresRecordFeedbackTests(PostgresApiFixture fixture) : RecordFeedbackTests(fixture), IClassFixture<PostgresApiFixture>;

/// <summary>
/// Recording the customer's feedback on a visit task: the verdict it is given, the late flag, and every wrong
/// input or wrong moment refused with a clear 400/409 problem while nothing is written.
/// </summary>
public abstract class RecordFeedbackTests(ApiFixture fixture) : LoopTestBase(fixture)
{
    public static TheoryData<string, string, string> BadFeedback => new()
    {
        { """{"score":6,"categories":["Praise"]}""", "score", "Must be between 1 and 5." },
        { """{"score":0,"categories":["Praise"]}""", "score", "Must be between 1 and 5." },
        { """{"categories":["Praise"]}""", "score", "" },
        { """{"score":2,"categories":["Complaint"]}""", "complaintLevel", "Required when the categories include Complaint." },
        { """{"score":2,"categories":["Praise"],"complaintLevel":"Urgent"}""", "complaintLevel", "Only allowed when the categories include Complaint." },
        { """{"score":2,"categories":[]}""", "categories", "" },
        { """{"score":2,"categories":["Praise","Praise"]}""", "categories", "Give each category once." },
        { """{"score":4,"categories":["Praise"],"nps":11}""", "nps", "" },
        { """{"score":4,"categories":["Praise"],"dimensions":{"quality":9}}""", "dimensions.quality", "" },
        { """{"score":4,"categories":["Praise"],"pendingInquiry":"保修期？"}""", "pendingInquiry", "Only allowed when the categories include Inquiry." },
        { """{"score":4,"categories":["Praise"],"callEndedAt":"2030-01-01T00:00:00+08:00"}""", "callEndedAt", "Must not be in the future." },
    };

    [Fact]
    public async Task Satisfied_feedback_completes_the_task_without_an_escalation_and_a_neutral_score_is_neutral()
    {
        var happy = await RecordAsync(await CreateTaskAsync(), Feedback(4, ["Praise", "Suggestion"]));
        Assert.Equal("Satisfied", (string?)happy["feedback"]!["verdict"]);
        Assert.Null(happy["escalation"]);
        var neutral = await RecordAsync(await CreateTaskAsync(), Feedback(3));
        Assert.Equal("Neutral", (string?)neutral["feedback"]!["verdict"]);
        Assert.Null(neutral["escalation"]);
        Assert.Equal(0, await CountEventsAsync("ComplaintEscalated"));
        Assert.Equal(0, await CountEventsAsync("CustomerUnsatisfied"));
        Assert.Equal(2, await CountEventsAsync("FeedbackRecorded"));
    }

    [Fact]
    public async Task Feedback_recorded_more_than_10_minutes_after_the_call_is_accepted_and_flagged_late()
    {
        var late = Feedback(5);
        late["callEndedAt"] = TestClock.Start.AddMinutes(-11);
        var onTime = Feedback(5);
        onTime["callEndedAt"] = TestClock.Start.AddMinutes(-9);
        Assert.True((bool)(await RecordAsync(await CreateTaskAsync(), late))["feedback"]!["recordedLate"]!);
        Assert.False((bool)(await RecordAsync(await CreateTaskAsync(), onTime))["feedback"]!["recordedLate"]!);
    }

    [Theory]
    [MemberData(nameof(BadFeedback))]
    public async Task Bad_feedback_is_a_400_naming_the_field_and_the_task_stays_open(string body, string field, string message)
    {
        var taskId = await CreateTaskAsync();
        var response = await Client.PostAsync($"/api/v1/visit-tasks/{taskId}/feedback", Json(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadObjectAsync(response);
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), problem.ToJsonString());
        if (message.Length > 0)
        {
            Assert.Contains(message, errors[field]!.AsArray().Select(m => (string?)m));
        }

        Assert.Equal("Assigned", (string?)(await GetAsync($"/api/v1/visit-tasks/{taskId}"))["status"]);
        Assert.Equal(0, await CountEventsAsync("FeedbackRecorded"));
    }

    [Fact]
    public async Task Feedback_on_a_cancelled_or_completed_task_is_a_409_and_writes_nothing()
    {
        var cancelled = await CreateTaskAsync();
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync($"/api/v1/visit-tasks/{cancelled}/cancel", Json(new JsonObject { ["reason"] = "customer moved" }))).StatusCode);
        var problem = await RecordAsync(cancelled, Feedback(5), HttpStatusCode.Conflict);
        Assert.Equal("invalid-transition", (string?)problem["code"]);

        var done = await CreateTaskAsync();
        await RecordAsync(done, Feedback(1));
        await RecordAsync(done, Feedback(5), HttpStatusCode.Conflict);
        Assert.Equal(1, await CountEventsAsync("FeedbackRecorded"));
        Assert.Equal(1, await CountEventsAsync("ComplaintEscalated"));
        Assert.Single((await GetAsync($"/api/v1/feedback?taskId={done}"))["items"]!.AsArray());
        await RecordAsync(Guid.NewGuid(), Feedback(5), HttpStatusCode.NotFound);
    }
}
