using System.Net;
using System.Text.Json.Nodes;
using HuiFang.IntegrationTests.Escalations;
using HuiFang.IntegrationTests.Infrastructure;

namespace HuiFang.IntegrationTests.Feedback;

public sealed class SqliteCorrectFeedbackTests(SqliteApiFixture fixture) : CorrectFeedbackTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresCorrectFeedbackTests(PostgresApiFixture fixture) : CorrectFeedbackTests(fixture), IClassFixture<PostgresApiFixture>;

/// <summary>Correcting recorded feedback: the correction is appended, the original kept and superseded.</summary>
public abstract class CorrectFeedbackTests(ApiFixture fixture) : LoopTestBase(fixture)
{
    [Fact]
    public async Task A_correction_is_appended_and_a_corrected_low_score_opens_the_escalation()
    {
        var taskId = await CreateTaskAsync();
        var original = await RecordAsync(taskId, Feedback(4));
        var originalId = IdOf(original["feedback"]!["id"]);

        var response = await Client.PostAsync($"/api/v1/feedback/{originalId}/corrections", Json(new JsonObject { ["reason"] = "评分录入错误", ["feedback"] = Feedback(2) }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var correction = await ReadObjectAsync(response);
        Assert.Equal(originalId.ToString(), (string?)correction["feedback"]!["correctionOf"]);
        Assert.Equal("Opened", (string?)correction["escalation"]!["outcome"]);

        var kept = await GetAsync($"/api/v1/feedback/{originalId}");
        Assert.Equal(4, (int)kept["score"]!);
        Assert.Equal((string?)correction["feedback"]!["id"], (string?)kept["supersededBy"]);
        Assert.Equal(HttpStatusCode.Conflict, (await Client.PostAsync($"/api/v1/feedback/{originalId}/corrections", Json(new JsonObject { ["reason"] = "again", ["feedback"] = Feedback(3) }))).StatusCode);

        var current = await GetAsync($"/api/v1/feedback?taskId={taskId}");
        Assert.Single(current["items"]!.AsArray());
        var all = await GetAsync($"/api/v1/feedback?taskId={taskId}&current=false");
        Assert.Equal(2, all["items"]!.AsArray().Count);
    }
}
