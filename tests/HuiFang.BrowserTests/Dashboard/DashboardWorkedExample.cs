using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HuiFang.Api.Features.Escalations.MonitorSla;
using HuiFang.BrowserTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HuiFang.BrowserTests.Dashboard;

/// <summary>
/// Six weeks of a property-service desk's follow-ups, made through the API as a CRM and the agents make
/// them: visit tasks in three departments, feedback with scores 1–5, NPS answers, praise and complaints (the
/// low ones open escalations, some acknowledged in time, some never), survey links by SMS and e-mail, some
/// answered on the survey page. Past weeks are recorded by moving the site's clock back, so every record
/// carries the time it would have had. A second tenant gets a small desk of its own, which the first
/// tenant's dashboard must never show. Seeded once per site (test class and provider).
/// </summary>
public sealed partial class DashboardWorkedExample
{
    public const string ForeignTenant = "tenant-b";

    /// <summary>The departments of the worked example, and the one only the foreign tenant has.</summary>
    public static readonly string[] Departments = ["AfterSales", "Engineering", "Housekeeping"];

    public const string ForeignDepartment = "ForeignDesk";

    /// <summary>A comment only the first tenant's feedback carries; no page of the foreign tenant may show it.</summary>
    public const string OwnComment = "维修后空调仍然漏水";

    /// <summary>A comment only the foreign tenant's feedback carries.</summary>
    public const string ForeignComment = "外部租户的投诉内容";

    public const int Weeks = 6;

    private static readonly ConditionalWeakTable<SiteFixture, Task<DashboardWorkedExample>> Seeded = [];

    private DashboardWorkedExample(string readerKey, string foreignReaderKey, string foreignAdminKey)
    {
        ReaderKey = readerKey;
        ForeignReaderKey = foreignReaderKey;
        ForeignAdminKey = foreignAdminKey;
    }

    /// <summary>A key of <see cref="SiteFixture.Tenant"/> with only <c>reports:read</c>: what a supervisor pastes.</summary>
    public string ReaderKey { get; }

    /// <summary>A key of <see cref="ForeignTenant"/> with only <c>reports:read</c>.</summary>
    public string ForeignReaderKey { get; }

    public string ForeignAdminKey { get; }

    public static Task<DashboardWorkedExample> OfAsync(SiteFixture site)
    {
        lock (Seeded)
        {
            if (!Seeded.TryGetValue(site, out var seeding) || seeding.IsFaulted)
            {
                Seeded.AddOrUpdate(site, seeding = SeedAsync(site));
            }

            return seeding;
        }
    }

    private static async Task<DashboardWorkedExample> SeedAsync(SiteFixture site)
    {
        var foreignAdmin = await site.CreateKeyAsync(ForeignTenant, [.. HuiFang.Api.Infrastructure.Security.Scopes.All], "foreign admin");
        using (var foreign = site.CreateApiClient(foreignAdmin))
        {
            using var put = await foreign.PutAsync("api/v1/admin/tenant", new StringContent("""{"name":"另一家物业公司"}""", Encoding.UTF8, "application/json"));
            Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        }

        var example = new DashboardWorkedExample(
            await site.CreateKeyAsync(SiteFixture.Tenant, [HuiFang.Api.Infrastructure.Security.Scopes.ReportsRead], "supervisor"),
            await site.CreateKeyAsync(ForeignTenant, [HuiFang.Api.Infrastructure.Security.Scopes.ReportsRead], "foreign supervisor"),
            foreignAdmin);

        try
        {
            using var api = site.CreateApiClient();
            var desk = new Desk(site, api, "A");
            for (var week = Weeks - 1; week >= 0; week--)
            {
                // The same moment of each of the last six weeks (this week: now).
                site.Clock.Offset = -TimeSpan.FromDays(7 * week);
                for (var d = 0; d < Departments.Length; d++)
                {
                    await desk.WeekOfAsync(Departments[d], week, d);
                }
            }

            // Today: urgent complaints whose response is due within hours (the "breaching soon" list), one acknowledged.
            site.Clock.Offset = TimeSpan.Zero;
            await desk.ComplaintAsync("AfterSales", 1, "Urgent", acknowledge: false);
            await desk.ComplaintAsync("Engineering", 2, "Urgent", acknowledge: false);
            await desk.ComplaintAsync("Housekeeping", 2, "General", acknowledge: true);

            await desk.QualityAsync();

            using var foreignApi = site.CreateApiClient(foreignAdmin);
            var foreignDesk = new Desk(site, foreignApi, "B");
            await foreignDesk.ForeignAsync();

            // The SLA monitor's rounds (off in the test host, so that no test races it), run now: the old escalations
            // nobody answered are breached, as they would have been on a running service.
            var monitor = site.Services.GetRequiredService<SlaMonitor>();
            for (var round = 0; round < 50 && (await monitor.TickAsync(CancellationToken.None)).Full; round++)
            {
            }
        }
        finally
        {
            site.Clock.Offset = TimeSpan.Zero;
        }

        return example;
    }

    /// <summary>One tenant's desk: makes tasks, feedback, escalations and survey answers through the API.</summary>
    private sealed partial class Desk(SiteFixture site, HttpClient api, string prefix)
    {
        private int _customers;

        /// <summary>
        /// One department's week: eight phone visits with a spread of scores (better weeks for better
        /// departments, a dip three weeks ago), two complaints among them, and three survey links.
        /// </summary>
        public async Task WeekOfAsync(string department, int weeksAgo, int departmentIndex)
        {
            // Scores per visit: each department its own level, and a dip three weeks ago (every other visit a point lower).
            int[] scores = departmentIndex switch
            {
                0 => [5, 4, 2, 5, 3, 4, 1, 5],
                1 => [5, 5, 4, 4, 3, 5, 4, 2],
                _ => [5, 5, 5, 4, 4, 5, 4, 3],
            };
            for (var i = 0; i < scores.Length; i++)
            {
                var score = weeksAgo == 3 && i % 2 == 1 ? Math.Max(1, scores[i] - 1) : scores[i];
                var task = await CreateTaskAsync(department, "Phone", $"agent-0{1 + ((i + departmentIndex) % 4)}");
                var nps = score >= 5 ? 10 - (i % 2) : score == 4 ? 8 : score == 3 ? 6 : 2 + (i % 3);
                var feedback = score <= 2
                    ? new JsonObject
                    {
                        ["score"] = score,
                        ["categories"] = new JsonArray("Complaint"),
                        ["complaintLevel"] = score == 1 ? "Urgent" : "General",
                        ["comment"] = OwnComment,
                        ["unresolvedProblems"] = "空调外机仍有异响",
                        ["nps"] = nps,
                    }
                    : new JsonObject
                    {
                        ["score"] = score,
                        ["categories"] = new JsonArray(score >= 4 ? "Praise" : "Suggestion"),
                        ["comment"] = score >= 4 ? "师傅准时上门,处理专业" : "希望提前电话告知上门时间",
                        ["nps"] = nps,
                    };
                var recorded = await SendAsync(HttpMethod.Post, $"api/v1/visit-tasks/{task}/feedback", feedback, HttpStatusCode.Created);
                // Half of the escalations are acknowledged at once (response in time), half of those also resolved
                // the same day (resolution in time); the others are never answered, and the SLA monitor finds them breached.
                if (recorded["escalation"] is JsonObject escalation && (i + weeksAgo) % 2 == 0)
                {
                    await AcknowledgeAsync((string)escalation["id"]!);
                    if ((i + weeksAgo) % 4 == 0)
                    {
                        await SendAsync(HttpMethod.Post, $"api/v1/escalations/{(string)escalation["id"]!}/resolve", new JsonObject { ["resolution"] = "已上门复查并更换配件,业主确认" }, HttpStatusCode.OK);
                    }
                }
            }

            // Survey links: two by SMS (one answered 5, one answered 2 in a bad week), one by e-mail left unanswered.
            await SurveyAsync(department, "Sms", answer: weeksAgo == 3 ? 2 : 5);
            await SurveyAsync(department, "Sms", answer: weeksAgo % 2 == 0 ? 4 : null);
            await SurveyAsync(department, "Email", answer: departmentIndex == 1 ? 5 : null);
        }

        public async Task ComplaintAsync(string department, int score, string level, bool acknowledge)
        {
            var task = await CreateTaskAsync(department, "Phone", "agent-01");
            var recorded = await SendAsync(HttpMethod.Post, $"api/v1/visit-tasks/{task}/feedback", new JsonObject
            {
                ["score"] = score,
                ["categories"] = new JsonArray("Complaint"),
                ["complaintLevel"] = level,
                ["comment"] = OwnComment,
            }, HttpStatusCode.Created);
            if (acknowledge)
            {
                await AcknowledgeAsync((string)recorded["escalation"]!["id"]!);
            }
        }

        /// <summary>
        /// The supervisor's desk: last week's AfterSales review with one item decided, this month's spot-check with a
        /// pick judged, and two corrective actions (one from hand, one for Engineering).
        /// </summary>
        public async Task QualityAsync()
        {
            var local = TimeZoneInfo.ConvertTime(site.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime;
            var lastWeek = local.AddDays(-7);
            var week = $"{System.Globalization.ISOWeek.GetYear(lastWeek)}-W{System.Globalization.ISOWeek.GetWeekOfYear(lastWeek):00}";
            var review = await SendAsync(HttpMethod.Post, "api/v1/reviews", new JsonObject { ["department"] = "AfterSales", ["week"] = week }, HttpStatusCode.Created);
            var item = review["items"]!.AsArray()[0]!;
            await SendAsync(HttpMethod.Post, $"api/v1/reviews/{(string)review["id"]!}/items/{(string)item["id"]!}/decision",
                new JsonObject { ["decision"] = "NoAction", ["note"] = "已电话致歉" }, HttpStatusCode.OK, "\"" + (int)review["version"]! + "\"");
            var check = await SendAsync(HttpMethod.Post, "api/v1/spot-checks", new JsonObject { ["month"] = local.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), ["level"] = "Supervisor", ["countPerAgent"] = 1 }, HttpStatusCode.Created);
            var pick = check["picks"]!.AsArray()[0]!;
            await SendAsync(HttpMethod.Post, $"api/v1/spot-checks/{(string)check["id"]!}/picks/{(string)pick["id"]!}/judgment", new JsonObject
            {
                ["real"] = true, ["complete"] = true, ["objective"] = true, ["onTime"] = true, ["reasons"] = new JsonArray(), ["note"] = "抽查",
            }, HttpStatusCode.OK, "\"1\"");
            await SendAsync(HttpMethod.Post, "api/v1/corrective-actions", new JsonObject { ["nonConformity"] = "维修上门超时", ["department"] = "AfterSales", ["owner"] = "王主管" }, HttpStatusCode.Created);
            await SendAsync(HttpMethod.Post, "api/v1/corrective-actions", new JsonObject { ["nonConformity"] = "Cleaning not done after repairs", ["department"] = "Engineering" }, HttpStatusCode.Created);
        }

        /// <summary>The foreign tenant: a department of its own, this week and last, with a complaint and a survey link.</summary>
        public async Task ForeignAsync()
        {
            foreach (var weeksAgo in new[] { 1, 0 })
            {
                site.Clock.Offset = -TimeSpan.FromDays(7 * weeksAgo);
                foreach (var score in new[] { 3, 1, 4 })
                {
                    var task = await CreateTaskAsync(ForeignDepartment, "Phone", "agent-b1");
                    await SendAsync(HttpMethod.Post, $"api/v1/visit-tasks/{task}/feedback", score <= 2
                        ? new JsonObject { ["score"] = score, ["categories"] = new JsonArray("Complaint"), ["complaintLevel"] = "Urgent", ["comment"] = ForeignComment, ["nps"] = 0 }
                        : new JsonObject { ["score"] = score, ["categories"] = new JsonArray("Suggestion"), ["comment"] = ForeignComment, ["nps"] = 7 }, HttpStatusCode.Created);
                }

                await SurveyAsync(ForeignDepartment, "App", answer: 3);
            }

            site.Clock.Offset = TimeSpan.Zero;
        }

        private async Task AcknowledgeAsync(string escalation) =>
            await SendAsync(HttpMethod.Post, $"api/v1/escalations/{escalation}/acknowledge", new JsonObject { ["note"] = "已联系业主,安排师傅复查", ["by"] = "主管" }, HttpStatusCode.OK);

        private async Task<string> CreateTaskAsync(string department, string channel, string assignee)
        {
            var customer = $"C-{prefix}{Interlocked.Increment(ref _customers):0000}-{Guid.NewGuid():N}"[..20];
            var created = await SendAsync(HttpMethod.Post, "api/v1/visit-tasks", new JsonObject
            {
                ["customer"] = new JsonObject { ["externalId"] = customer, ["name"] = "王先生", ["phone"] = "13812345678", ["preferredChannel"] = channel },
                ["serviceRecord"] = new JsonObject
                {
                    ["workOrderNo"] = "WO-" + customer,
                    ["serviceType"] = department == "Housekeeping" ? "Cleaning" : "Repair",
                    ["description"] = department == "Housekeeping" ? "公共区域保洁" : "空调故障维修",
                    ["completedAt"] = site.Clock.GetUtcNow().AddHours(-3).ToString("O"),
                    ["staff"] = "李师傅",
                    ["department"] = department,
                },
                ["purpose"] = "AfterSales",
                ["channel"] = channel,
                ["assignee"] = assignee,
            }, HttpStatusCode.Created);
            return (string)created["id"]!;
        }

        /// <summary>A survey link for a new task; <paramref name="answer"/> answers it on the page (a plain form post, as a phone without script sends it).</summary>
        private async Task SurveyAsync(string department, string channel, int? answer)
        {
            var task = await CreateTaskAsync(department, channel, "agent-01");
            var invitation = await SendAsync(HttpMethod.Post, $"api/v1/visit-tasks/{task}/survey-invitations", new JsonObject { ["language"] = "zh-CN" }, HttpStatusCode.Created);
            if (answer is not { } score)
            {
                return;
            }

            var path = new Uri((string)invitation["link"]!).AbsolutePath;
            using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
            using var phone = new HttpClient(handler) { BaseAddress = site.Base };
            phone.DefaultRequestHeaders.Accept.ParseAdd("text/html");
            var form = await phone.GetStringAsync(path);
            var token = AntiforgeryField().Match(form);
            Assert.True(token.Success, "the survey form carries its antiforgery field");
            using var sent = await phone.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__af"] = WebUtility.HtmlDecode(token.Groups[1].Value),
                ["q.overall"] = score.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["q.resolved"] = "yes",
            }));
            Assert.True(sent.StatusCode == HttpStatusCode.OK, $"answering {path}: {(int)sent.StatusCode} {await sent.Content.ReadAsStringAsync()}");
        }

        private async Task<JsonObject> SendAsync(HttpMethod method, string path, JsonNode? body, HttpStatusCode expected, string? ifMatch = null)
        {
            using var request = new HttpRequestMessage(method, path);
            if (ifMatch is not null)
            {
                request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            }

            if (body is not null)
            {
                request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            }

            using var response = await api.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
            return JsonNode.Parse(text)!.AsObject();
        }

        [GeneratedRegex("name=\"__af\" value=\"([^\"]*)\"")]
        private static partial Regex AntiforgeryField();
    }
}
