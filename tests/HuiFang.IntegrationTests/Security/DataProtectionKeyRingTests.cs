using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.IntegrationTests.Infrastructure;
using HuiFang.IntegrationTests.SurveyPage;
using HuiFang.IntegrationTests.VisitTasks;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HuiFang.IntegrationTests.Security;

public sealed class SqliteDataProtectionKeyRingTests : DataProtectionKeyRingTests
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "huifang-tests", $"{Guid.NewGuid():N}.db");

    protected override Task<IReadOnlyDictionary<string, string?>?> DatabaseAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        return Task.FromResult<IReadOnlyDictionary<string, string?>?>(new Dictionary<string, string?>
        {
            ["HuiFang:Database:Provider"] = "Sqlite",
            ["ConnectionStrings:HuiFang"] = $"Data Source={_path};Default Timeout=30",
        });
    }

    protected override Task DropAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_path)!, Path.GetFileName(_path) + "*"))
        {
            File.Delete(file);
        }

        return Task.CompletedTask;
    }
}

public sealed class PostgresDataProtectionKeyRingTests : DataProtectionKeyRingTests
{
    private string? _database;

    protected override async Task<IReadOnlyDictionary<string, string?>?> DatabaseAsync()
    {
        var (database, missing) = await PostgresServer.CreateDatabaseAsync();
        if (database is null)
        {
            TestEnvironment.SkipOrFail(missing!);
            return null;
        }

        _database = database;
        return new Dictionary<string, string?> { ["HuiFang:Database:Provider"] = "PostgreSql", ["ConnectionStrings:HuiFang"] = database };
    }

    protected override Task DropAsync() => _database is null ? Task.CompletedTask : PostgresServer.DropDatabaseAsync(_database);
}

/// <summary>
/// The survey form's antiforgery tokens are protected by the Data Protection key ring, which lives in the
/// service's database: a form loaded from one replica is accepted by another on the same database, and by a
/// replica started after the first one is gone (a restart), without either making a key of its own.
/// </summary>
public abstract class DataProtectionKeyRingTests : IAsyncLifetime
{
    private static readonly HtmlParser Parser = new();
    private readonly List<HuiFangApp> _apps = [];
    private IReadOnlyDictionary<string, string?> _settings = null!;
    private int _n;

    protected abstract Task<IReadOnlyDictionary<string, string?>?> DatabaseAsync();

    protected abstract Task DropAsync();

    public async ValueTask InitializeAsync()
    {
        var database = await DatabaseAsync();
        if (database is not null)
        {
            _settings = database.Concat(SurveyPageSettings.Unlimited).ToDictionary(s => s.Key, s => s.Value);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in Enumerable.Reverse(_apps))
        {
            await app.DisposeAsync();
        }

        await DropAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A replica: a host of its own (its own services, memory and Data Protection) on the shared database.</summary>
    private HuiFangApp Replica()
    {
        var app = new HuiFangApp(_settings, new TestClock());
        _apps.Add(app);
        _ = app.Server;
        return app;
    }

    [Fact]
    public async Task A_form_loaded_from_one_replica_is_accepted_by_another_and_after_a_restart()
    {
        var first = Replica();
        var second = Replica();
        var api = await first.CreateAuthenticatedClientAsync();
        var toSecond = await InviteAsync(api);
        var toRestarted = await InviteAsync(api);

        // Both forms are loaded from the first replica: its key ring is made (one key, in the database) here.
        var formA = await LoadFormAsync(first, toSecond);
        var formB = await LoadFormAsync(first, toRestarted);

        // The second replica checks a token it did not issue.
        Assert.Equal("thanks", await SendAsync(second, toSecond, formA));

        // The first replica goes away; one started afterwards (a restart of the container) still knows the key.
        _apps.Remove(first);
        await first.DisposeAsync();
        var restarted = Replica();
        Assert.Equal("thanks", await SendAsync(restarted, toRestarted, formB));

        // One key for all three: the others read it, none made its own.
        await using var scope = restarted.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<HuiFangDbContext>().DataProtectionKeys.AsNoTracking().ToListAsync();
        var key = Assert.Single(keys);
        Assert.Contains("<key id=", key.Xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_key_table_is_in_no_answer_of_the_service()
    {
        var app = Replica();
        var api = await app.CreateAuthenticatedClientAsync();
        var token = await InviteAsync(api);
        await LoadFormAsync(app, token);
        await using var scope = app.Services.CreateAsyncScope();
        var key = Assert.Single(await scope.ServiceProvider.GetRequiredService<HuiFangDbContext>().DataProtectionKeys.AsNoTracking().ToListAsync());
        var keyId = System.Xml.Linq.XElement.Parse(key.Xml!).Attribute("id")!.Value;

        // Neither the API's description nor its event feed names the table, its rows or the key.
        foreach (var path in new[] { "/openapi/v1.json", "/api/v1/events" })
        {
            var response = await api.GetAsync(path);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("DataProtection", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(keyId, body, StringComparison.OrdinalIgnoreCase);
        }
    }

    private async Task<string> InviteAsync(HttpClient api)
    {
        var n = Interlocked.Increment(ref _n);
        var task = VisitTaskRequests.NewTask(customer: $"C-DP-{n}", workOrder: $"WO-DP-{n}", serviceType: "Repair");
        task["channel"] = "Sms";
        var created = await api.PostAsync("/api/v1/visit-tasks", Json(task));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var taskId = (Guid)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!;
        var invited = await api.PostAsync($"/api/v1/visit-tasks/{taskId}/survey-invitations", Json(new JsonObject()));
        var answer = await invited.Content.ReadAsStringAsync();
        Assert.True(invited.StatusCode == HttpStatusCode.Created, answer);
        return (string)JsonNode.Parse(answer)!["token"]!;
    }

    /// <summary>Opens the link in a browser of <paramref name="app"/>; the form's token and the antiforgery cookie it was given.</summary>
    private static async Task<(string Field, string Cookie)> LoadFormAsync(HuiFangApp app, string token)
    {
        using var browser = Browser(app);
        var response = await browser.GetAsync($"/s/{token}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("form", page.QuerySelector("main#survey")!.GetAttribute("data-state"));
        var field = page.QuerySelector<IHtmlInputElement>("form#survey-form input[name=__af]")!.Value;
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("hf-survey-af=", StringComparison.Ordinal));
        return (field, cookie.Split(';')[0]);
    }

    /// <summary>Sends the form, with the cookie the browser kept, to <paramref name="app"/>; the state of the page it answers.</summary>
    private static async Task<string> SendAsync(HuiFangApp app, string token, (string Field, string Cookie) form)
    {
        using var browser = Browser(app);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/s/{token}")
        {
            Content = new FormUrlEncodedContent([new("q.overall", "5"), new("q.resolved", "yes"), new("__af", form.Field)]),
        };
        request.Headers.Add("Cookie", form.Cookie);
        var response = await browser.SendAsync(request);
        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        return page.QuerySelector("main#survey")?.GetAttribute("data-state") ?? $"{(int)response.StatusCode}";
    }

    /// <summary>A browser without credentials whose cookies the test carries from one replica to another.</summary>
    private static HttpClient Browser(HuiFangApp app)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");
}
