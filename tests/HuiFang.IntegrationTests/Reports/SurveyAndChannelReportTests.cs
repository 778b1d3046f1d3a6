using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using HuiFang.Api.Domain.Surveys;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Api.Services.Tenants;
using HuiFang.IntegrationTests.Escalations;
using HuiFang.IntegrationTests.Infrastructure;
using HuiFang.IntegrationTests.VisitTasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HuiFang.IntegrationTests.Reports;

public sealed class SqliteSurveyAndChannelReportTests(SqliteApiFixture fixture) : SurveyAndChannelReportTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresSurveyAndChannelReportTests(PostgresApiFixture fixture) : SurveyAndChannelReportTests(fixture), IClassFixture<PostgresApiFixture>;

/// <summary>
/// The survey invitations report and the satisfaction report split by channel, checked against hand-built data:
/// the expected figures are computed here from the list the data was made from, not by the service's code.
/// </summary>
public abstract class SurveyAndChannelReportTests(ApiFixture fixture) : LoopTestBase(fixture)
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private int _n;

    /// <summary>One invitation as it was made: its channel, when it was sent, what became of it, and whether it was reminded.</summary>
    private sealed record Spec(string Channel, DateTimeOffset SentAt, SurveyInvitationStatus Fate, bool Reminded = false);

    private static readonly DateTimeOffset W47 = new(2026, 11, 18, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset W48 = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);

    private static readonly Spec[] Invitations =
    [
        new("Sms", W47, SurveyInvitationStatus.Answered),
        new("Sms", W47.AddHours(1), SurveyInvitationStatus.Answered, Reminded: true),
        new("Sms", W47.AddHours(2), SurveyInvitationStatus.Expired, Reminded: true),
        new("Email", W47.AddHours(3), SurveyInvitationStatus.Answered),
        new("Email", W47.AddHours(4), SurveyInvitationStatus.Revoked),
        new("App", W47.AddHours(5), SurveyInvitationStatus.Open),
        new("Sms", W48, SurveyInvitationStatus.Answered),
        new("Sms", W48.AddHours(1), SurveyInvitationStatus.Open, Reminded: true),
        new("Sms", W48.AddHours(2), SurveyInvitationStatus.Revoked),
        new("Email", W48.AddHours(3), SurveyInvitationStatus.Expired),
        new("Questionnaire", W48.AddHours(4), SurveyInvitationStatus.Answered),
        // 00:30 on Monday 23 November in Beijing, still Sunday in UTC: week 48 in the tenant's calendar.
        new("Sms", new DateTimeOffset(2026, 11, 22, 16, 30, 0, TimeSpan.Zero), SurveyInvitationStatus.Answered),
        // Before the period: not counted.
        new("Sms", new DateTimeOffset(2026, 10, 20, 2, 0, 0, TimeSpan.Zero), SurveyInvitationStatus.Answered),
    ];

    private async Task<Guid> TaskAsync(string channel, HttpClient? client = null)
    {
        var n = Interlocked.Increment(ref _n);
        var body = VisitTaskRequests.NewTask(customer: $"C-S-{n}", workOrder: $"WO-S-{n}");
        body["channel"] = channel;
        var response = await (client ?? Client).PostAsync("/api/v1/visit-tasks", Json(body));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (Guid)(await ReadObjectAsync(response))["id"]!;
    }

    /// <summary>Makes each invitation through the aggregate at the instants of its spec (the page and the monitor do the same steps at "now").</summary>
    private async Task SeedAsync(IEnumerable<(Guid TaskId, Spec Spec)> invitations, string tenant = ApiFixture.TenantA)
    {
        await using var scope = Fixture.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentCaller>().Set(Caller.System(tenant, "tests"));
        var db = scope.ServiceProvider.GetRequiredService<HuiFangDbContext>();
        var calendar = await scope.ServiceProvider.GetRequiredService<TenantSettings>().GetCalendarAsync(CancellationToken.None);
        foreach (var (taskId, spec) in invitations)
        {
            var task = await db.VisitTasks.SingleAsync(t => t.Id == taskId);
            var sent = spec.SentAt;
            var invitation = SurveyInvitation.Create(Guid.CreateVersion7(sent), task, SurveyToken.New().Token, null, sent.AddDays(3), sent.AddDays(1), null, sent);
            db.SurveyInvitations.Add(invitation);
            if (spec.Reminded)
            {
                Assert.True(invitation.MarkReminded(sent.AddDays(1)));
            }

            var done = spec.Fate switch
            {
                SurveyInvitationStatus.Answered => invitation.Answer(Guid.CreateVersion7(sent), sent.AddDays(2)),
                SurveyInvitationStatus.Revoked => invitation.Revoke(SurveyRevocationReason.Revoked, null, sent.AddHours(2)),
                SurveyInvitationStatus.Expired => invitation.Expire(SurveyExpiryFallback.Unreachable, task, calendar, sent.AddDays(3)),
                _ => HuiFang.Api.Domain.Common.Outcome.Ok,
            };
            Assert.True(done.IsSuccess, done.Error?.Code);
            await db.SaveChangesAsync();
        }
    }

    private static string Week(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, Beijing).DateTime;
        return $"{ISOWeek.GetYear(local)}-W{ISOWeek.GetWeekOfYear(local):00}";
    }

    private static (int Sent, int Open, int Answered, int Expired, int Revoked, int Reminded, double? Rate) Expected(IEnumerable<Spec> specs)
    {
        var list = specs.ToList();
        int Count(SurveyInvitationStatus s) => list.Count(i => i.Fate == s);
        var left = list.Count - Count(SurveyInvitationStatus.Revoked);
        return (list.Count, Count(SurveyInvitationStatus.Open), Count(SurveyInvitationStatus.Answered), Count(SurveyInvitationStatus.Expired),
            Count(SurveyInvitationStatus.Revoked), list.Count(i => i.Reminded), left == 0 ? null : Math.Round((double)Count(SurveyInvitationStatus.Answered) / left, 4));
    }

    private static (int, int, int, int, int, int, double?) Figures(JsonNode row) =>
        ((int)row["sent"]!, (int)row["open"]!, (int)row["answered"]!, (int)row["expired"]!, (int)row["revoked"]!, (int)row["reminded"]!, (double?)row["responseRate"]);

    [Fact]
    public async Task The_survey_invitations_report_counts_sent_answered_expired_revoked_and_the_response_rate_per_week_channel_and_both()
    {
        var made = new List<(Guid, Spec)>();
        foreach (var spec in Invitations)
        {
            made.Add((await TaskAsync(spec.Channel), spec));
        }

        await SeedAsync(made);
        using var tenantB = await Fixture.CreateClientAsync(ApiFixture.TenantB, [.. Scopes.All]);
        await SeedAsync([(await TaskAsync("Sms", tenantB), new Spec("Sms", W48, SurveyInvitationStatus.Answered))], ApiFixture.TenantB);

        const string period = "from=2026-11-01&to=2026-11-30";
        var inPeriod = Invitations.Where(i => i.SentAt >= new DateTimeOffset(2026, 10, 31, 16, 0, 0, TimeSpan.Zero)).ToList();

        var whole = await GetAsync($"/api/v1/reports/survey-invitations?{period}");
        Assert.Equal("Asia/Shanghai", (string?)whole["period"]!["timeZone"]);
        Assert.Equal(Expected(inPeriod), Figures(whole["total"]!));
        Assert.Equal((12, 2, 6, 2, 2, 3, 0.6), Figures(whole["total"]!)); // the same figures, spelled out once
        Assert.Null(whole["total"]!["channel"]);

        var byWeek = (await GetAsync($"/api/v1/reports/survey-invitations?{period}&groupBy=week"))["rows"]!.AsArray();
        var weeks = inPeriod.GroupBy(i => Week(i.SentAt)).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        Assert.Equal(weeks.Select(g => g.Key), byWeek.Select(r => (string?)r!["group"]));
        Assert.Equal(weeks.Select(g => Expected(g)), byWeek.Select(r => Figures(r!)));

        var byChannel = (await GetAsync($"/api/v1/reports/survey-invitations?{period}&groupBy=channel"))["rows"]!.AsArray();
        var channels = inPeriod.GroupBy(i => i.Channel).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        Assert.Equal(channels.Select(g => g.Key), byChannel.Select(r => (string?)r!["group"]));
        Assert.Equal(channels.Select(g => Expected(g)), byChannel.Select(r => Figures(r!)));

        // Per week and per channel at once.
        var split = (await GetAsync($"/api/v1/reports/survey-invitations?{period}&groupBy=week&splitBy=channel"))["rows"]!.AsArray();
        var cells = inPeriod.GroupBy(i => (Week: Week(i.SentAt), i.Channel))
            .OrderBy(g => g.Key.Week, StringComparer.Ordinal).ThenBy(g => g.Key.Channel, StringComparer.Ordinal).ToList();
        Assert.Equal(cells.Select(g => (g.Key.Week, g.Key.Channel)), split.Select(r => ((string)r!["group"]!, (string)r["channel"]!)));
        Assert.Equal(cells.Select(g => Expected(g)), split.Select(r => Figures(r!)));

        // CSV like the other reports: BOM, header of the row's fields, total last; the channel column only when split.
        var csv = await Client.GetAsync($"/api/v1/reports/survey-invitations?{period}&groupBy=channel&format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("group,sent,open,answered,expired,revoked,reminded,responseRate", lines[0]);
        Assert.Equal("total,12,2,6,2,2,3,0.6", lines[^1]);
        Assert.Equal(channels.Select(g => g.Key).Append("total"), lines[1..].Select(l => l.Split(',')[0]));
        var splitCsv = Encoding.UTF8.GetString((await (await Client.GetAsync($"/api/v1/reports/survey-invitations?{period}&groupBy=week&splitBy=channel&format=csv")).Content.ReadAsByteArrayAsync())[3..])
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("group,sent,open,answered,expired,revoked,reminded,responseRate,channel", splitCsv[0]);
        Assert.Equal("total,12,2,6,2,2,3,0.6,", splitCsv[^1]);
        Assert.Equal(cells.Count + 2, splitCsv.Length);
    }

    [Fact]
    public async Task The_csv_split_by_channel_without_grouping_keeps_a_line_per_channel_like_the_json()
    {
        // Reproducer: without groupBy every split row's group is "total", and the CSV dropped them all as if they
        // were the single whole-period row, leaving only the total (and no channel column).
        var made = new List<(Guid, Spec)>();
        foreach (var spec in Invitations)
        {
            made.Add((await TaskAsync(spec.Channel), spec));
        }

        await SeedAsync(made);
        const string period = "from=2026-11-01&to=2026-11-30";
        var json = (await GetAsync($"/api/v1/reports/survey-invitations?{period}&splitBy=channel"))["rows"]!.AsArray();
        Assert.True(json.Count > 1);

        var lines = Encoding.UTF8.GetString((await (await Client.GetAsync($"/api/v1/reports/survey-invitations?{period}&splitBy=channel&format=csv")).Content.ReadAsByteArrayAsync())[3..])
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("group,sent,open,answered,expired,revoked,reminded,responseRate,channel", lines[0]);
        Assert.Equal(json.Select(r => (string)r!["channel"]!), lines[1..^1].Select(l => l.Split(',')[^1]));
        Assert.Equal(json.Count + 2, lines.Length);
    }

    [Fact]
    public async Task Bad_report_parameters_are_400_naming_them()
    {
        var unknown = await Client.GetAsync("/api/v1/reports/survey-invitations?from=2026-11-01&to=2026-11-30&splitBy=department");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("splitBy", (await ReadObjectAsync(unknown))["errors"]!.AsObject().Select(e => e.Key));
        var notOffered = await Client.GetAsync("/api/v1/reports/visits?from=2026-11-01&to=2026-11-30&splitBy=channel");
        Assert.Equal(HttpStatusCode.BadRequest, notOffered.StatusCode);
        Assert.Contains("splitBy", (await ReadObjectAsync(notOffered))["errors"]!.AsObject().Select(e => e.Key));
        var department = await Client.GetAsync("/api/v1/reports/survey-invitations?from=2026-11-01&to=2026-11-30&groupBy=department");
        Assert.Equal(HttpStatusCode.BadRequest, department.StatusCode);
        Assert.Contains("groupBy", (await ReadObjectAsync(department))["errors"]!.AsObject().Select(e => e.Key));
        using var noReports = await Fixture.CreateClientAsync(ApiFixture.TenantA, Scopes.TasksRead);
        Assert.Equal(HttpStatusCode.Forbidden, (await noReports.GetAsync("/api/v1/reports/survey-invitations?from=2026-11-01&to=2026-11-30")).StatusCode);
    }

    [Fact]
    public async Task Satisfaction_split_by_channel_gives_each_group_per_channel_and_leaves_the_default_as_it_was()
    {
        // Scores per channel, recorded in two weeks (the clock starts on Wednesday 25 November).
        (string Channel, int Score, int Week)[] feedback =
        [
            ("Phone", 5, 48), ("Phone", 2, 48), ("Sms", 4, 48), ("Sms", 5, 48), ("Email", 1, 48),
            ("Phone", 4, 49), ("Sms", 3, 49), ("Sms", 5, 49),
        ];
        foreach (var (channel, score, week) in feedback)
        {
            if (week == 49 && Fixture.Clock.GetUtcNow() < new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero))
            {
                Fixture.Clock.Advance(TimeSpan.FromDays(7));
            }

            await RecordAsync(await TaskAsync(channel), Feedback(score));
        }

        const string query = "from=2026-11-23&to=2026-12-06&groupBy=week";
        var split = (await GetAsync($"/api/v1/reports/satisfaction?{query}&splitBy=channel"))["rows"]!.AsArray();
        var cells = feedback.GroupBy(f => ($"2026-W{f.Week}", f.Channel)).OrderBy(g => g.Key.Item1, StringComparer.Ordinal).ThenBy(g => g.Key.Channel, StringComparer.Ordinal).ToList();
        Assert.Equal(cells.Select(g => g.Key), split.Select(r => ((string)r!["group"]!, (string)r["channel"]!)));
        Assert.Equal(
            cells.Select(g => (g.Count(), g.Count(f => f.Score >= 4), g.Count(f => f.Score <= 2), Math.Round(g.Average(f => f.Score), 2))),
            split.Select(r => ((int)r!["feedback"]!, (int)r["satisfied"]!, (int)r["unsatisfied"]!, (double)r["averageScore"]!)));

        // Without splitBy the rows are what they always were: no channel field, no channel column.
        var plain = await GetAsync($"/api/v1/reports/satisfaction?{query}");
        Assert.Equal(["2026-W48", "2026-W49"], plain["rows"]!.AsArray().Select(r => (string?)r!["group"]));
        Assert.All(plain["rows"]!.AsArray(), r => Assert.False(r!.AsObject().ContainsKey("channel")));
        Assert.Equal(feedback.Length, (int)plain["total"]!["feedback"]!);
        var header = Encoding.UTF8.GetString((await (await Client.GetAsync($"/api/v1/reports/satisfaction?{query}&format=csv")).Content.ReadAsByteArrayAsync())[3..]).Split("\r\n")[0];
        Assert.EndsWith(",recordedLate", header);
        var splitHeader = Encoding.UTF8.GetString((await (await Client.GetAsync($"/api/v1/reports/satisfaction?{query}&splitBy=channel&format=csv")).Content.ReadAsByteArrayAsync())[3..]).Split("\r\n")[0];
        Assert.EndsWith(",recordedLate,channel", splitHeader);
    }
}
