using System.Net;
using System.Text.Json.Nodes;
using HuiFang.IntegrationTests.Escalations;
using HuiFang.IntegrationTests.Infrastructure;

namespace HuiFang.IntegrationTests.Questionnaires;

public sealed class SqliteFeedbackAnswersTests(SqliteApiFixture fixture) : FeedbackAnswersTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresFeedbackAnswersTests(PostgresApiFixture fixture) : FeedbackAnswersTests(fixture), IClassFixture<PostgresApiFixture>;

/// <summary>
/// Feedback given as answers to the task's questionnaire: the answers decide score, categories, level,
/// dimensions, NPS and texts, so the verdict and the escalation follow as for typed-in feedback; answers that do
/// not fit the questionnaire are a 400 naming the question, and nothing is written.
/// </summary>
public abstract class FeedbackAnswersTests(ApiFixture fixture) : LoopTestBase(fixture)
{
    public static TheoryData<string, string, string> BadAnswers => new()
    {
        { """{"answers":[{"question":"overall","score":4},{"question":"resolved","yes":true},{"question":"mood","score":3}]}""", "answers[mood]", "The task's questionnaire has no question with this key." },
        { """{"answers":[{"question":"overall","yes":true},{"question":"resolved","yes":true}]}""", "answers[overall]", "This question takes only 'score', a whole number from 1 to 5." },
        { """{"answers":[{"question":"overall","score":6},{"question":"resolved","yes":true}]}""", "answers[overall]", "This question takes only 'score', a whole number from 1 to 5." },
        { """{"answers":[{"question":"overall","score":4}]}""", "answers[resolved]", "This question is required." },
        { """{"answers":[{"question":"resolved","yes":true}]}""", "answers[overall]", "This question is required." },
        { """{"answers":[{"question":"overall","score":4},{"question":"resolved","yes":true},{"question":"topic","choices":["gift"]}]}""", "answers[topic]", "'choices' names an option this question does not have." },
        { """{"answers":[{"question":"overall","score":4},{"question":"resolved","yes":true},{"question":"topic","choices":["praise","suggestion"]}]}""", "answers[topic]", "This question takes only 'choices' with exactly one option key." },
        { """{"answers":[{"question":"overall","score":4},{"question":"resolved","yes":true},{"question":"nps","score":11}]}""", "answers[nps]", "This question takes only 'score', a whole number from 0 to 10." },
        { """{"answers":[{"question":"overall","score":4},{"question":"overall","score":5},{"question":"resolved","yes":true}]}""", "answers[overall]", "Answer each question once." },
        { """{"answers":[{"score":4}]}""", "answers[0].question", "" },
        { """{"answers":[]}""", "answers[overall]", "This question is required." },
        { """{"score":4,"answers":[{"question":"overall","score":4},{"question":"resolved","yes":true}]}""", "score", "Leave this out when sending answers: the answers decide it." },
        { """{"categories":["Praise"],"answers":[{"question":"overall","score":4},{"question":"resolved","yes":true}]}""", "categories", "Leave this out when sending answers: the answers decide it." },
        { """{"pendingInquiry":"保修多久？","answers":[{"question":"overall","score":4},{"question":"resolved","yes":true}]}""", "pendingInquiry", "Only allowed when an answer implies the category Inquiry." },
    };

    private static JsonObject Answers(params (string Question, JsonNode Value, string Field)[] answers) => new()
    {
        ["recordedBy"] = "agent-07",
        ["answers"] = new JsonArray([.. answers.Select(a => (JsonNode)new JsonObject { ["question"] = a.Question, [a.Field] = a.Value.DeepClone() })]),
    };

    [Fact]
    public async Task Answers_decide_the_feedback_and_an_unsolved_problem_opens_the_complaint_escalation()
    {
        var taskId = await CreateTaskAsync();
        var result = await RecordAsync(taskId, Answers(
            ("overall", 2, "score"),
            ("resolved", false, "yes"),
            ("professionalism", 4, "score"),
            ("conduct", 5, "score"),
            ("details", "师傅来晚了两个小时", "text"),
            ("nps", 3, "score")));

        var feedback = result["feedback"]!;
        Assert.Equal(2, (int)feedback["score"]!);
        Assert.Equal("Unsatisfied", (string?)feedback["verdict"]);
        Assert.Equal(["Complaint"], feedback["categories"]!.AsArray().Select(c => (string?)c));
        Assert.Equal("General", (string?)feedback["complaintLevel"]);
        Assert.Equal("师傅来晚了两个小时", (string?)feedback["comment"]);
        Assert.Equal(4, (int)feedback["dimensions"]!["professionalism"]!);
        Assert.Equal(5, (int)feedback["dimensions"]!["attitude"]!);
        Assert.Null(feedback["dimensions"]!["timeliness"]);
        Assert.Equal(3, (int)feedback["nps"]!);
        Assert.NotNull(result["escalation"]);
        Assert.Equal(1, await CountEventsAsync("ComplaintEscalated"));
        Assert.Equal("Completed", (string?)(await GetAsync($"/api/v1/visit-tasks/{taskId}"))["status"]);
    }

    [Fact]
    public async Task Satisfied_answers_that_imply_no_category_record_none_and_open_nothing()
    {
        var result = await RecordAsync(await CreateTaskAsync(), Answers(("overall", 5, "score"), ("resolved", true, "yes"), ("topic", new JsonArray("nothing"), "choices")));

        Assert.Equal("Satisfied", (string?)result["feedback"]!["verdict"]);
        Assert.Empty(result["feedback"]!["categories"]!.AsArray());
        Assert.Null(result["escalation"]);
        Assert.Equal(0, await CountEventsAsync("ComplaintEscalated"));
    }

    [Fact]
    public async Task An_urgent_complaint_chosen_by_the_customer_opens_an_urgent_escalation_and_an_inquiry_may_be_promised_a_reply()
    {
        var urgent = await RecordAsync(await CreateTaskAsync(), Answers(("overall", 4, "score"), ("resolved", true, "yes"), ("topic", new JsonArray("urgent-complaint"), "choices")));
        Assert.Equal("Urgent", (string?)urgent["feedback"]!["complaintLevel"]);
        Assert.NotNull(urgent["escalation"]);

        var inquiry = Answers(("overall", 4, "score"), ("resolved", true, "yes"), ("topic", new JsonArray("inquiry"), "choices"));
        inquiry["pendingInquiry"] = "保修期多久？";
        var asked = await RecordAsync(await CreateTaskAsync(), inquiry);
        Assert.Equal(["Inquiry"], asked["feedback"]!["categories"]!.AsArray().Select(c => (string?)c));
        Assert.Equal("保修期多久？", (string?)asked["feedback"]!["inquiry"]!["question"]);
    }

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public async Task Answers_that_do_not_fit_the_questionnaire_are_a_400_naming_the_question_and_the_task_stays_open(string body, string field, string message)
    {
        var taskId = await CreateTaskAsync();
        var response = await Client.PostAsync($"/api/v1/visit-tasks/{taskId}/feedback", Json(body));
        var problem = await ReadObjectAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, problem.ToJsonString());
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
    public async Task A_correction_may_carry_answers_and_its_errors_name_the_field_inside_feedback()
    {
        var taskId = await CreateTaskAsync();
        var original = await RecordAsync(taskId, Feedback(5));
        var id = IdOf(original["feedback"]!["id"]);

        var bad = await Client.PostAsync($"/api/v1/feedback/{id}/corrections", Json(new JsonObject { ["reason"] = "typed in wrong", ["feedback"] = Answers(("overall", 2, "score")) }));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await ReadObjectAsync(bad))["errors"]!.AsObject().ContainsKey("feedback.answers[resolved]"));

        var good = await Client.PostAsync($"/api/v1/feedback/{id}/corrections", Json(new JsonObject { ["reason"] = "typed in wrong", ["feedback"] = Answers(("overall", 2, "score"), ("resolved", true, "yes")) }));
        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
        Assert.Equal("Unsatisfied", (string?)(await ReadObjectAsync(good))["feedback"]!["verdict"]);
    }
}
