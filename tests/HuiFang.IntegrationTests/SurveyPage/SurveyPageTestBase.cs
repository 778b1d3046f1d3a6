using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using HuiFang.IntegrationTests.Escalations;
using HuiFang.IntegrationTests.Infrastructure;
using HuiFang.IntegrationTests.VisitTasks;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.IntegrationTests.SurveyPage;

/// <summary>Speaks to the page as a browser does: HTML in, plain form posts out, the antiforgery cookie kept.</summary>
public abstract class SurveyPageTestBase(ApiFixture fixture) : LoopTestBase(fixture)
{
    private int _task;

    protected static readonly HtmlParser Parser = new();

    /// <summary>A browser without credentials (its own cookie jar) asking for HTML in <paramref name="language"/>.</summary>
    protected HttpClient Browser(string language = "en")
    {
        var client = Fixture.CreateClientWithKey(null, language);
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        return client;
    }

    /// <summary>A task and an open invitation for it; answers the invitation's token.</summary>
    protected async Task<(Guid TaskId, string Token, Guid InvitationId)> InviteAsync(string? language = null, string serviceType = "Repair")
    {
        var n = Interlocked.Increment(ref _task);
        var task = VisitTaskRequests.NewTask(customer: $"C-S-{n}", workOrder: $"WO-S-{n}", serviceType: serviceType);
        task["channel"] = "Sms";
        var created = await Client.PostAsync("/api/v1/visit-tasks", Json(task));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var taskId = (Guid)(await ReadObjectAsync(created))["id"]!;
        var body = language is null ? new JsonObject() : new JsonObject { ["language"] = language };
        var invited = await Client.PostAsync($"/api/v1/visit-tasks/{taskId}/survey-invitations", Json(body));
        var answer = await ReadObjectAsync(invited);
        Assert.True(invited.StatusCode == HttpStatusCode.Created, answer.ToJsonString());
        return (taskId, (string)answer["token"]!, (Guid)answer["invitation"]!["id"]!);
    }

    protected static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        Parser.ParseDocument(await response.Content.ReadAsStringAsync());

    protected static string State(IHtmlDocument page) => page.QuerySelector("main#survey")!.GetAttribute("data-state")!;

    /// <summary>Opens the link, then sends the form with <paramref name="fields"/> (and its antiforgery token unless told otherwise).</summary>
    protected static async Task<HttpResponseMessage> AnswerAsync(HttpClient browser, string token, IEnumerable<KeyValuePair<string, string>> fields, string? antiforgery = "")
    {
        var form = await ParseAsync(await browser.GetAsync($"/s/{token}"));
        var hidden = form.QuerySelector<IHtmlInputElement>("form#survey-form input[name=__af]")?.Value;
        var all = fields.ToList();
        if (antiforgery is not null)
        {
            all.Add(new("__af", antiforgery.Length == 0 ? hidden ?? "" : antiforgery));
        }

        return await browser.PostAsync($"/s/{token}", new FormUrlEncodedContent(all));
    }

    protected static KeyValuePair<string, string> Field(string name, string value) => new(name, value);

    protected static readonly KeyValuePair<string, string>[] Satisfied = [Field("q.overall", "5"), Field("q.resolved", "yes")];

    /// <summary>What a GET must never change: every feedback record, audit entry and outbox row, and the invitations as stored.</summary>
    protected Task<string> WrittenStateAsync() => Fixture.InScopeAsync(async db =>
    {
        var feedback = await db.FeedbackRecords.IgnoreQueryFilters().CountAsync();
        var audit = await db.AuditEntries.IgnoreQueryFilters().CountAsync();
        var outbox = await db.OutboxMessages.IgnoreQueryFilters().CountAsync();
        var invitations = await db.SurveyInvitations.IgnoreQueryFilters().AsNoTracking().OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.Status, i.Version, i.AnsweredAt, i.FeedbackId, i.RemindedAt }).ToListAsync();
        var tasks = await db.VisitTasks.IgnoreQueryFilters().AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.Id, t.Status, t.Version }).ToListAsync();
        return System.Text.Json.JsonSerializer.Serialize(new { feedback, audit, outbox, invitations, tasks });
    });

    protected static void AcceptJson(HttpClient client)
    {
        client.DefaultRequestHeaders.Accept.Clear();
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }
}
