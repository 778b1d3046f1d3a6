using System.Net;
using System.Text.Json.Nodes;
using HuiFang.IntegrationTests.Escalations;
using HuiFang.IntegrationTests.Infrastructure;

namespace HuiFang.IntegrationTests.Feedback;

public sealed class SqliteFeedbackAnswersKeptTests(SqliteApiFixture fixture) : FeedbackAnswersKeptTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresFeedbackAnswersKeptTests(PostgresApiFixture fixture) : FeedbackAnswersKeptTests(fixture), IClassFixture<PostgresApiFixture>;

/// <summary>
/// Feedback given as answers keeps the answers themselves and the questionnaire version they answered, not only
/// what they decide; erasing the customer erases the free-text answers; every wrong question is named at once.
/// </summary>
public abstract class FeedbackAnswersKeptTests(ApiFixture fixture) : LoopTestBase(fixture)
{
    private static JsonObject Given(params JsonObject[] answers) => new() { ["answers"] = new JsonArray([.. answers.Select(a => a.DeepClone())]) };

    private static readonly JsonObject[] SolvedNothingToSay =
    [
        new() { ["question"] = "overall", ["score"] = 4 },
        new() { ["question"] = "resolved", ["yes"] = true },
        new() { ["question"] = "topic", ["choices"] = new JsonArray("nothing") },
        new() { ["question"] = "details", ["text"] = "王先生说师傅很准时" },
    ];

    [Fact]
    public async Task The_answers_and_the_questionnaire_version_are_kept_and_shown_by_record_get_and_list()
    {
        var taskId = await CreateTaskAsync();
        var recorded = (await RecordAsync(taskId, Given(SolvedNothingToSay)))["feedback"]!;
        var id = IdOf(recorded["id"]);
        var fetched = await GetAsync($"/api/v1/feedback/{id}");
        var listed = Assert.Single((await GetAsync($"/api/v1/feedback?taskId={taskId}"))["items"]!.AsArray())!;

        foreach (var feedback in new[] { recorded, fetched, listed })
        {
            Assert.Null(feedback["questionnaire"]!["id"]);
            Assert.Equal(1, (int)feedback["questionnaire"]!["version"]!);
            var answers = feedback["answers"]!.AsArray();
            Assert.Equal(["overall", "resolved", "topic", "details"], answers.Select(a => (string?)a!["question"]));
            Assert.Equal(["OverallScore", "YesNo", "SingleChoice", "FreeText"], answers.Select(a => (string?)a!["kind"]));
            Assert.Equal(4, (int)answers[0]!["score"]!);
            Assert.True((bool)answers[1]!["yes"]!);
            Assert.Equal(["nothing"], answers[2]!["choices"]!.AsArray().Select(c => (string?)c));
            Assert.Equal("王先生说师傅很准时", (string?)answers[3]!["text"]);
            Assert.Empty(feedback["categories"]!.AsArray()); // what decides nothing is kept all the same
        }
    }

    [Fact]
    public async Task Typed_in_feedback_has_no_answers_and_a_correction_keeps_its_own()
    {
        var taskId = await CreateTaskAsync();
        var original = (await RecordAsync(taskId, Feedback(5)))["feedback"]!;
        Assert.Null(original["answers"]);
        Assert.Null(original["questionnaire"]);

        var corrected = await Client.PostAsync($"/api/v1/feedback/{IdOf(original["id"])}/corrections",
            Json(new JsonObject { ["reason"] = "typed in wrong", ["feedback"] = Given(new JsonObject { ["question"] = "overall", ["score"] = 2 }, new JsonObject { ["question"] = "resolved", ["yes"] = false }) }));
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        var correction = (await ReadObjectAsync(corrected))["feedback"]!;
        Assert.Equal(1, (int)correction["questionnaire"]!["version"]!);
        Assert.False((bool)correction["answers"]![1]!["yes"]!);
        Assert.Null((await GetAsync($"/api/v1/feedback/{IdOf(original["id"])}"))["answers"]);
    }

    [Fact]
    public async Task Erasing_the_customer_erases_the_free_text_answers_and_keeps_the_rest()
    {
        var taskId = await CreateTaskAsync(customer: "C-answers-erase");
        var id = IdOf((await RecordAsync(taskId, Given(SolvedNothingToSay)))["feedback"]!["id"]);

        var erased = await Client.PostAsync("/api/v1/customers/C-answers-erase/erasure", Json("""{"reason":"DSR-2026-0099"}"""));
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);

        var answers = (await GetAsync($"/api/v1/feedback/{id}"))["answers"]!.AsArray();
        Assert.Equal("[erased]", (string?)answers[3]!["text"]);
        Assert.Equal(4, (int)answers[0]!["score"]!);
        Assert.Equal(["nothing"], answers[2]!["choices"]!.AsArray().Select(c => (string?)c));
        var stored = await Fixture.InScopeAsync(db => Task.FromResult(db.FeedbackRecords.Where(f => f.Id == id).Select(f => f.Answers).Single()));
        Assert.DoesNotContain(stored!, a => a.Text is not null && a.Text.Contains("王先生", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_required_question_left_out_is_named_at_once_even_beside_a_text_too_long()
    {
        var taskId = await CreateTaskAsync();
        foreach (var body in new[] { Given(), Given(new JsonObject { ["question"] = "details", ["text"] = new string('长', 2001) }) })
        {
            var response = await Client.PostAsync($"/api/v1/visit-tasks/{taskId}/feedback", Json(body));
            var problem = await ReadObjectAsync(response);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = problem["errors"]!.AsObject();
            Assert.True(errors.ContainsKey("answers[overall]") && errors.ContainsKey("answers[resolved]"), problem.ToJsonString());
            if (body["answers"]!.AsArray().Count > 0)
            {
                Assert.True(errors.ContainsKey("answers[details]"), problem.ToJsonString());
            }
        }

        Assert.Equal(0, await CountEventsAsync("FeedbackRecorded"));
    }
}
