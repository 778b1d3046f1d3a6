using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HuiFang.IntegrationTests.Escalations;
using HuiFang.IntegrationTests.Infrastructure;
using HuiFang.IntegrationTests.VisitTasks;
using Microsoft.EntityFrameworkCore;
using static HuiFang.IntegrationTests.Questionnaires.QuestionnaireRequests;

namespace HuiFang.IntegrationTests.Questionnaires;

public sealed class SqliteQuestionnaireTests(SqliteApiFixture fixture) : QuestionnaireTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresQuestionnaireTests(PostgresApiFixture fixture) : QuestionnaireTests(fixture), IClassFixture<PostgresApiFixture>;

/// <summary>
/// A tenant's questionnaires: stored after full validation, chosen for a task by purpose, service type and
/// channel (most specific wins), pinned on the task when it is planned, versioned so that a pinned version never
/// changes, retired without touching the tasks that use them.
/// </summary>
public abstract class QuestionnaireTests(ApiFixture fixture) : LoopTestBase(fixture)
{
    private int _n;

    public static TheoryData<string, string> BadQuestionnaires()
    {
        var data = new TheoryData<string, string>();
        void Add(string field, Action<JsonObject> spoil)
        {
            var body = Questionnaire(questions: [Question("resolved", "YesNo"), Question("pick", "SingleChoice", extra: new JsonObject
            {
                ["options"] = new JsonArray(new JsonObject { ["key"] = "a", ["label"] = Text("甲", "A") }, new JsonObject { ["key"] = "b", ["label"] = Text("乙", "B") }),
            })]);
            spoil(body);
            data.Add(body.ToJsonString(), field);
        }

        Add("name", b => b["name"] = "");
        Add("purpose", b => b.Remove("purpose"));
        Add("title.en", b => b["title"]!["en"] = null);
        Add("title.zhCn", b => b["title"]!["zhCn"] = "  ");
        Add("questions", b => b["questions"] = new JsonArray());
        Add("questions", b => b["questions"]!.AsArray().RemoveAt(0));
        Add("questions", b => b["questions"]!.AsArray().Add(Question("score2", "OverallScore", true)));
        Add("questions", b => b["questions"]!.AsArray().Add(Question("resolved", "YesNo")));
        Add("questions[0].required", b => b["questions"]![0]!["required"] = false);
        Add("questions[1].key", b => b["questions"]![1]!["key"] = "Resolved");
        Add("questions[1].key", b => b["questions"]![1]!["key"] = "a/b");
        Add("questions[1].key", b => b["questions"]![1]!["key"] = new string('k', 41));
        Add("questions[1].dimension", b => b["questions"]![1]!["dimension"] = "Quality");
        Add("questions[1].options", b => b["questions"]![1]!["options"] = new JsonArray(new JsonObject { ["key"] = "maybe", ["label"] = Text("也许", "Maybe") }));
        Add("questions[2].options", b => b["questions"]![2]!["options"]!.AsArray().RemoveAt(1));
        Add("questions[2].options", b => b["questions"]![2]!["options"]![1]!["key"] = "a");
        Add("questions[2].options[0].level", b => b["questions"]![2]!["options"]![0]!["implies"] = "Complaint");
        Add("questions[2].options[0].level", b => b["questions"]![2]!["options"]![0]!["level"] = "Urgent");
        Add("questions[2].options[1].label.en", b => b["questions"]![2]!["options"]![1]!["label"]!["en"] = "");
        Add("questions[3].dimension", b => b["questions"]!.AsArray().Add(Question("dim", "DimensionScore")));
        Add("questions[3].field", b => b["questions"]!.AsArray().Add(Question("free", "FreeText")));
        Add("questions[3].options", b => b["questions"]!.AsArray().Add(Question("n", "Nps", extra: new JsonObject { ["options"] = new JsonArray(new JsonObject { ["key"] = "a", ["label"] = Text("甲", "A") }) })));
        Add("questions", b =>
        {
            b["questions"]!.AsArray().Add(Question("n1", "Nps"));
            b["questions"]!.AsArray().Add(Question("n2", "Nps"));
        });
        Add("questions", b =>
        {
            b["questions"]!.AsArray().Add(Question("d1", "DimensionScore", extra: new JsonObject { ["dimension"] = "Quality" }));
            b["questions"]!.AsArray().Add(Question("d2", "DimensionScore", extra: new JsonObject { ["dimension"] = "Quality" }));
        });
        Add("script.opening.en", b => b["script"]!["opening"]!["en"] = "Hello {name}");
        Add("script.opening.en", b => b["script"]!["opening"]!["en"] = "hi {customer");
        Add("script.closing.zhCn", b => b["script"]!["closing"]!["zhCn"] = "再见 customer}");
        Add("script.opening.zhCn", b => b["script"]!["opening"]!["zhCn"] = "您好 {{customer}}");
        Add("questions[1].text.en", b => b["questions"]![1]!["text"]!["en"] = "Is it solved {");
        Add("questions[1].script.en", b => b["questions"]![1]!["script"] = Text("解决了吗？", "Solved since {serviceDate?"));
        Add("script.closing", b => b["script"]!.AsObject().Remove("closing"));
        Add("serviceType", b => b["serviceType"] = "Repair work");
        Add("channel", b => b["channel"] = "Pigeon");
        Add("questions", b =>
        {
            foreach (var i in Enumerable.Range(0, 30))
            {
                b["questions"]!.AsArray().Add(Question("q" + i, "YesNo"));
            }
        });
        return data;
    }

    private async Task<JsonObject> CreateAsync(JsonObject body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await Client.PostAsync("/api/v1/questionnaires", Json(body));
        var result = await ReadObjectAsync(response);
        Assert.True(expected == response.StatusCode, $"expected {expected}, got {(int)response.StatusCode}: {result.ToJsonString()}");
        return result;
    }

    private async Task<HttpResponseMessage> ReplaceAsync(Guid id, JsonObject body, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/questionnaires/{id}") { Content = Json(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await Client.SendAsync(request);
    }

    private async Task<JsonObject> TaskAsync(string purpose = "AfterSales", string serviceType = "Repair", string channel = "Phone", string? name = null, string completedAt = "2026-11-20T10:00:00+08:00")
    {
        var n = Interlocked.Increment(ref _n);
        var body = VisitTaskRequests.NewTask(customer: $"C-Q-{n}", workOrder: $"WO-Q-{n}", purpose: purpose, serviceType: serviceType, completedAt: completedAt);
        body["channel"] = channel;
        if (name is not null)
        {
            body["customer"]!["name"] = name;
        }

        var response = await Client.PostAsync("/api/v1/visit-tasks", Json(body));
        var task = await ReadObjectAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, task.ToJsonString());
        return task;
    }

    private static Guid? QuestionnaireOf(JsonObject task) => task["questionnaireId"] is { } id ? Guid.Parse((string)id!) : null;

    [Fact]
    public async Task A_questionnaire_is_created_read_listed_and_audited()
    {
        var created = await CreateAsync(Questionnaire(serviceType: "Repair", channel: "Sms", questions: [Question("resolved", "YesNo", true)]));
        var id = IdOf(created["id"]);
        Assert.Equal(1, (int)created["currentVersion"]!);
        Assert.Equal("Active", (string?)created["status"]);
        Assert.Equal("OverallScore", (string?)created["content"]!["questions"]![0]!["kind"]);
        Assert.True((bool)created["content"]!["questions"]![0]!["required"]!);

        var got = await Client.GetAsync($"/api/v1/questionnaires/{id}");
        Assert.Equal(HttpStatusCode.OK, got.StatusCode);
        Assert.Equal("\"1\"", got.Headers.ETag!.Tag);
        Assert.Equal(created.ToJsonString(), (await ReadObjectAsync(got)).ToJsonString());

        var list = await GetAsync("/api/v1/questionnaires");
        Assert.Equal([id], list["items"]!.AsArray().Select(i => IdOf(i!["id"])));
        Assert.True(await Fixture.InScopeAsync(db => db.AuditEntries.AnyAsync(e => e.SubjectType == "Questionnaire" && e.SubjectId == id.ToString() && e.Action == "created")));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/v1/questionnaires/{Guid.NewGuid()}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(BadQuestionnaires))]
    public async Task A_questionnaire_that_is_not_complete_and_consistent_is_a_400_naming_the_field(string body, string field)
    {
        var response = await Client.PostAsync("/api/v1/questionnaires", Json(body));
        var problem = await ReadObjectAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, problem.ToJsonString());
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
        Assert.Empty((await GetAsync("/api/v1/questionnaires?all=true"))["items"]!.AsArray());
    }

    [Fact]
    public async Task Every_text_without_one_of_its_languages_is_a_400_that_names_the_missing_language()
    {
        var body = Questionnaire(questions: [Question("resolved", "YesNo", extra: new JsonObject { ["script"] = Text("解决了吗？", "Is it solved?") }), Question("pick", "SingleChoice", extra: new JsonObject
        {
            ["options"] = new JsonArray(new JsonObject { ["key"] = "a", ["label"] = Text("甲", "A") }, new JsonObject { ["key"] = "b", ["label"] = Text("乙", "B") }),
        })]);
        body["intro"] = Text("简介", "Intro");
        var paths = new List<string>();
        void Walk(JsonNode? node, string path)
        {
            switch (node)
            {
                case JsonObject o when o.ContainsKey("zhCn") && o.ContainsKey("en"):
                    paths.Add(path);
                    break;
                case JsonObject o:
                    foreach (var (name, value) in o)
                    {
                        Walk(value, path.Length == 0 ? name : $"{path}.{name}");
                    }

                    break;
                case JsonArray a:
                    for (var i = 0; i < a.Count; i++)
                    {
                        Walk(a[i], $"{path}[{i}]");
                    }

                    break;
            }
        }

        Walk(body, "");
        Assert.Equal(10, paths.Count);
        foreach (var path in paths)
        {
            foreach (var (language, spoil) in new (string, JsonNode?)[] { ("en", null), ("zhCn", JsonValue.Create(" ")) })
            {
                var spoilt = body.DeepClone().AsObject();
                var text = path.Split('.').Aggregate((JsonNode)spoilt, (n, part) => part.Contains('[')
                    ? n[part[..part.IndexOf('[')]]![int.Parse(part[(part.IndexOf('[') + 1)..^1])]!
                    : n[part]!);
                text[language] = spoil;
                var response = await Client.PostAsync("/api/v1/questionnaires", Json(spoilt));
                var problem = await ReadObjectAsync(response);
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}.{language}: {problem.ToJsonString()}");
                var errors = problem["errors"]!.AsObject();
                var messages = errors.SelectMany(e => e.Value!.AsArray().Select(m => (string)m!)).ToList();
                Assert.DoesNotContain(messages, m => m.Contains("specified condition", StringComparison.OrdinalIgnoreCase));
                var field = $"{path}.{language}";
                Assert.True(errors.ContainsKey(field), problem.ToJsonString());
                Assert.Equal([$"Required: every text needs both languages, zhCn and en; '{language}' is missing or blank."], errors[field]!.AsArray().Select(m => (string)m!));
            }
        }
    }

    [Fact]
    public async Task Two_active_questionnaires_cannot_share_a_selector_so_a_purpose_has_at_most_one_default()
    {
        var first = IdOf((await CreateAsync(Questionnaire("A")))["id"]);
        var taken = await CreateAsync(Questionnaire("B"), HttpStatusCode.Conflict);
        Assert.Equal("questionnaire-selector-taken", (string?)taken["code"]);
        Assert.Equal(first, IdOf(taken["conflictingQuestionnaireId"]));
        await CreateAsync(Questionnaire("C", serviceType: "REPAIR"));
        Assert.Equal("questionnaire-selector-taken", (string?)(await CreateAsync(Questionnaire("D", serviceType: "repair"), HttpStatusCode.Conflict))["code"]);
        await CreateAsync(Questionnaire("E", purpose: "Periodic"));

        Assert.Equal(HttpStatusCode.OK, (await Client.DeleteAsync($"/api/v1/questionnaires/{first}?reason=replaced%20by%20B")).StatusCode);
        await CreateAsync(Questionnaire("B"));
    }

    [Fact]
    public async Task A_task_is_planned_with_the_most_specific_active_questionnaire_and_the_shipped_default_when_none_matches()
    {
        var purposeDefault = IdOf((await CreateAsync(Questionnaire("default")))["id"]);
        var bySms = IdOf((await CreateAsync(Questionnaire("sms", channel: "Sms")))["id"]);
        var byRepair = IdOf((await CreateAsync(Questionnaire("repair", serviceType: "Repair")))["id"]);
        var byRepairSms = IdOf((await CreateAsync(Questionnaire("repair-sms", serviceType: "Repair", channel: "Sms")))["id"]);

        Assert.Equal(byRepairSms, QuestionnaireOf(await TaskAsync(serviceType: "repair", channel: "Sms")));
        Assert.Equal(byRepair, QuestionnaireOf(await TaskAsync(serviceType: "Repair", channel: "Email")));
        Assert.Equal(bySms, QuestionnaireOf(await TaskAsync(serviceType: "Cleaning", channel: "Sms")));
        Assert.Equal(purposeDefault, QuestionnaireOf(await TaskAsync(serviceType: "Cleaning", channel: "Phone")));
        var other = await TaskAsync(purpose: "Periodic");
        Assert.Null(QuestionnaireOf(other));
        Assert.Equal(1, (int)other["questionnaireVersion"]!);

        // Another tenant sees none of them.
        var tenantB = await Fixture.CreateClientAsync(ApiFixture.TenantB, "tasks:read", "tasks:write");
        Assert.Equal(HttpStatusCode.NotFound, (await tenantB.GetAsync($"/api/v1/questionnaires/{purposeDefault}")).StatusCode);
        var response = await tenantB.PostAsync("/api/v1/visit-tasks", Json(VisitTaskRequests.NewTask(customer: "C-B-1", workOrder: "WO-B-1")));
        Assert.Null(QuestionnaireOf((await response.Content.ReadFromJsonAsync<JsonObject>())!));
    }

    [Fact]
    public async Task Replacing_makes_a_new_version_and_a_task_keeps_the_version_it_was_planned_with()
    {
        var created = await CreateAsync(Questionnaire(questions: [Question("resolved", "YesNo", true)]));
        var id = IdOf(created["id"]);
        var before = await TaskAsync();
        Assert.Equal(1, (int)before["questionnaireVersion"]!);

        var stale = await ReplaceAsync(id, Questionnaire(questions: [Question("wait", "DimensionScore", true, new JsonObject { ["dimension"] = "Timeliness" })]), "\"7\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var replaced = await ReplaceAsync(id, Questionnaire(questions: [Question("wait", "DimensionScore", true, new JsonObject { ["dimension"] = "Timeliness" })]), "\"1\"");
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal("\"2\"", replaced.Headers.ETag!.Tag);
        Assert.Equal(2, (int)(await ReadObjectAsync(replaced))["currentVersion"]!);

        var after = await TaskAsync();
        Assert.Equal(id, QuestionnaireOf(after));
        Assert.Equal(2, (int)after["questionnaireVersion"]!);

        // Version 1 is as it was, and the task planned with it is checked against it.
        var v1 = await GetAsync($"/api/v1/questionnaires/{id}/versions/1");
        Assert.Equal("resolved", (string?)v1["content"]!["questions"]![1]!["key"]);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/v1/questionnaires/{id}/versions/3")).StatusCode);
        var wrong = await Client.PostAsync($"/api/v1/visit-tasks/{IdOf(before["id"])}/feedback",
            Json("""{"answers":[{"question":"score","score":4},{"question":"wait","score":4}]}"""));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var errors = (await ReadObjectAsync(wrong))["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("answers[wait]") && errors.ContainsKey("answers[resolved]"), errors.ToJsonString());
        await RecordAsync(IdOf(before["id"]), JsonNode.Parse("""{"answers":[{"question":"score","score":4},{"question":"resolved","yes":true}]}""")!.AsObject());
        var feedback = await RecordAsync(IdOf(after["id"]), JsonNode.Parse("""{"answers":[{"question":"score","score":5},{"question":"wait","score":2}]}""")!.AsObject());
        Assert.Equal(2, (int)feedback["feedback"]!["dimensions"]!["timeliness"]!);
        Assert.Equal(2, await Fixture.InScopeAsync(db => db.AuditEntries.CountAsync(e => e.SubjectType == "Questionnaire" && e.SubjectId == id.ToString())));
    }

    [Fact]
    public async Task A_retired_questionnaire_is_no_longer_chosen_cannot_be_replaced_and_stays_with_its_tasks()
    {
        var id = IdOf((await CreateAsync(Questionnaire(questions: [Question("resolved", "YesNo", true)])))["id"]);
        var task = await TaskAsync();

        var retired = await Client.DeleteAsync($"/api/v1/questionnaires/{id}");
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        Assert.Equal("Retired", (string?)(await ReadObjectAsync(retired))["status"]);
        Assert.Equal(HttpStatusCode.OK, (await Client.DeleteAsync($"/api/v1/questionnaires/{id}")).StatusCode);
        var replace = await ReplaceAsync(id, Questionnaire(), null);
        Assert.Equal(HttpStatusCode.Conflict, replace.StatusCode);
        Assert.Equal("questionnaire-retired", (string?)(await ReadObjectAsync(replace))["code"]);

        Assert.Null(QuestionnaireOf(await TaskAsync()));
        Assert.Empty((await GetAsync("/api/v1/questionnaires"))["items"]!.AsArray());
        Assert.Single((await GetAsync("/api/v1/questionnaires?status=Retired"))["items"]!.AsArray());
        var script = await GetAsync($"/api/v1/visit-tasks/{IdOf(task["id"])}/script");
        Assert.Equal(["score", "resolved"], script["questions"]!.AsArray().Select(q => (string?)q!["key"]));
    }

    [Fact]
    public async Task Only_an_administrator_writes_questionnaires_and_a_reader_reads_them()
    {
        var reader = await Fixture.CreateClientAsync(ApiFixture.TenantA, "tasks:read");
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync("/api/v1/questionnaires", Json(Questionnaire()))).StatusCode);
        var id = IdOf((await CreateAsync(Questionnaire()))["id"]);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/v1/questionnaires/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.DeleteAsync($"/api/v1/questionnaires/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/questionnaires/default")).StatusCode);
    }

    [Fact]
    public async Task The_call_script_is_filled_for_the_task_in_the_callers_language_without_the_full_name_or_phone()
    {
        // 01:00 on the 21st in Shanghai is still the 20th in UTC: the date is the tenant's calendar day.
        var task = await TaskAsync(name: "王小明", completedAt: "2026-11-21T01:00:00+08:00");
        var id = IdOf(task["id"]);

        using var zh = Fixture.CreateClient("zh-CN");
        var response = await zh.GetAsync($"/api/v1/visit-tasks/{id}/script");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("zh-CN", response.Content.Headers.ContentLanguage.Single());
        var script = await ReadObjectAsync(response);
        Assert.Equal("zh-CN", (string?)script["language"]);
        var opening = (string)script["opening"]!;
        Assert.Contains("王先生/女士", opening);
        Assert.Contains("2026年11月21日", opening);
        Assert.Contains("Repair", opening);
        Assert.DoesNotContain("小明", script.ToJsonString());
        Assert.DoesNotContain("5678", script.ToJsonString());
        Assert.DoesNotContain("{", opening);
        var questions = script["questions"]!.AsArray();
        Assert.Equal("overall", (string?)questions[0]!["key"]);
        Assert.Equal(1, (int)questions[0]!["minScore"]!);
        Assert.Equal(5, (int)questions[0]!["maxScore"]!);
        var resolved = questions.Single(q => (string?)q!["key"] == "resolved")!;
        Assert.Equal(["yes", "no"], resolved["options"]!.AsArray().Select(o => (string?)o!["key"]));
        Assert.Equal("未解决", (string?)resolved["options"]![1]!["label"]);

        using var en = Fixture.CreateClient("en");
        var english = await ReadObjectAsync(await en.GetAsync($"/api/v1/visit-tasks/{id}/script"));
        Assert.Equal("en", (string?)english["language"]);
        Assert.Contains("Mr/Ms 王", (string)english["opening"]!);
        Assert.Contains("21 November 2026", (string)english["opening"]!);
        Assert.Equal("No, not yet", (string?)english["questions"]!.AsArray().Single(q => (string?)q!["key"] == "resolved")!["options"]![1]!["label"]);

        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/v1/visit-tasks/{Guid.NewGuid()}/script")).StatusCode);
    }

    [Fact]
    public async Task The_script_of_a_tenants_questionnaire_fills_its_own_placeholders_and_question_wording()
    {
        await CreateAsync(Questionnaire(questions: [Question("why", "FreeText", extra: new JsonObject
        {
            ["field"] = "Suggestions",
            ["script"] = Text("关于{serviceType}，您有什么建议？", "Any suggestion about {serviceType}?"),
        })]));
        var task = await TaskAsync(name: "John Smith");

        using var en = Fixture.CreateClient("en-GB");
        var script = await ReadObjectAsync(await en.GetAsync($"/api/v1/visit-tasks/{IdOf(task["id"])}/script"));
        Assert.Equal("Hello Mr/Ms Smith, two minutes about the Repair service on 20 November 2026?", (string?)script["opening"]);
        Assert.Equal("Any suggestion about Repair?", (string?)script["questions"]![1]!["wording"]);
        Assert.Equal("Question why", (string?)script["questions"]![1]!["text"]);
        Assert.DoesNotContain("John", script.ToJsonString());
    }
}
