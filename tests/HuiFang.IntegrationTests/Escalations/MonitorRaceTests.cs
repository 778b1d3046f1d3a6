using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HuiFang.IntegrationTests.Escalations;

// PostgreSQL only: there a request reads the task without a lock, so the monitor (which claims rows with
// FOR UPDATE SKIP LOCKED) can write it between the request's read and its write. On SQLite every write
// transaction begins IMMEDIATE and holds the file's one write lock from its start: the monitor waits for the
// request, so the race cannot happen there.
public sealed class PostgresMonitorRaceTests(PostgresApiFixture fixture) : MonitorRaceTests(fixture), IClassFixture<PostgresApiFixture>;

/// <summary>
/// The SLA monitor marks a task overdue, or records an escalation's breach, at the very moment a caller changes it: the monitor's write is made to
/// land between the request's read and its write (a hook on the request's SaveChanges runs one tick, then lets
/// the request go on). The caller asked for no precondition, or for the version it read — nobody else changed
/// what it sees, so its change goes through.
/// </summary>
public abstract class MonitorRaceTests(ApiFixture fixture) : LoopTestBase(fixture)
{
    [Fact]
    public async Task Feedback_without_if_match_is_not_refused_when_the_monitor_marks_the_task_overdue_in_between()
    {
        var taskId = await CreateTaskAsync();
        Fixture.Clock.Advance(TimeSpan.FromDays(30)); // past the due window: the next tick marks it overdue

        using var hook = new MonitorBetweenReadAndWrite(Fixture, taskId);
        var recorded = await RecordAsync(taskId, Feedback(5));

        Assert.Equal(1, hook.Tick?.OverdueTasks); // the monitor did write the task in between
        Assert.Equal("Satisfied", (string?)recorded["feedback"]!["verdict"]);
        var task = await GetAsync($"/api/v1/visit-tasks/{taskId}");
        Assert.Equal("Completed", (string?)task["status"]);
        Assert.Equal(2, (int)task["version"]!); // created (1), completed (2): the overdue mark is not a version
        Assert.Equal(1, await CountEventsAsync("VisitTaskOverdue"));
    }

    [Fact]
    public async Task A_change_with_if_match_of_the_version_read_is_not_refused_because_of_the_monitor_but_one_of_an_older_version_is()
    {
        var taskId = await CreateTaskAsync();
        Fixture.Clock.Advance(TimeSpan.FromDays(30));

        using (var hook = new MonitorBetweenReadAndWrite(Fixture, taskId))
        {
            var assigned = await AssignAsync(taskId, "agent-07", "\"1\"");
            Assert.Equal(1, hook.Tick?.OverdueTasks);
            Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
            Assert.Equal("\"2\"", assigned.Headers.ETag?.Tag);
        }

        // A caller's change does move the version: If-Match of the version before it is refused.
        var stale = await AssignAsync(taskId, "agent-08", "\"1\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
    }

    [Fact]
    public async Task An_escalation_step_without_if_match_is_not_refused_when_the_monitor_records_a_breach_in_between()
    {
        var recorded = await RecordAsync(await CreateTaskAsync(), Feedback(1, ["Complaint"], "Urgent", "停水"));
        var escalationId = IdOf(recorded["escalation"]!["id"]);
        Fixture.Clock.Advance(TimeSpan.FromMinutes(130)); // the 2-hour response target has passed

        using (var hook = new MonitorBetweenReadAndWrite(Fixture, context => context.ChangeTracker.Entries<HuiFang.Api.Domain.Escalations.Escalation>()
                   .Any(e => e.Entity.Id == escalationId && e.State == EntityState.Modified)))
        {
            var acknowledged = await StepAsync(escalationId, "acknowledge", new JsonObject { ["note"] = "已派人" });
            Assert.Equal(1, hook.Tick?.Breaches); // the monitor recorded the breach in between
            Assert.Equal("Acknowledged", (string?)acknowledged["status"]);
            Assert.NotNull(acknowledged["response"]!["breachedAt"]);
        }

        // The breach is recorded and published once, by the monitor; the acknowledgement once.
        Assert.Equal(1, await CountEventsAsync("EscalationSlaBreached"));
        var actions = (await GetAsync($"/api/v1/escalations/{escalationId}/history"))["entries"]!.AsArray().Select(e => (string)e!["action"]!).ToList();
        Assert.Equal(["opened", "sla-breached", "acknowledged"], actions);

        // With If-Match of a version the monitor has since moved (a breach changes level and owner), the caller
        // is told that what it saw has changed.
        var stale = await StepAsync(escalationId, "progress", new JsonObject { ["note"] = "进行中" }, HttpStatusCode.PreconditionFailed, "\"1\"");
        Assert.Equal("precondition-failed", (string?)stale["code"]);
    }

    [Fact]
    public async Task An_inquiry_reply_is_not_refused_when_the_monitor_marks_it_late_in_between()
    {
        var inquiry = Feedback(4, ["Inquiry"]);
        inquiry["pendingInquiry"] = "保修期多长？";
        var feedbackId = IdOf((await RecordAsync(await CreateTaskAsync(), inquiry))["feedback"]!["id"]);
        Fixture.Clock.Advance(TimeSpan.FromHours(25)); // the promised reply (24 h) is late

        using (var hook = new MonitorBetweenReadAndWrite(Fixture, context => context.ChangeTracker.Entries<HuiFang.Api.Domain.Feedback.FeedbackRecord>()
                   .Any(e => e.Entity.Id == feedbackId && e.State == EntityState.Modified)))
        {
            var response = await Client.PostAsync($"/api/v1/feedback/{feedbackId}/inquiry-reply", Json(new JsonObject { ["reply"] = "整机保修三年" }));
            var body = await ReadObjectAsync(response);
            Assert.Equal(1, hook.Tick?.OverdueInquiries); // the monitor marked it late in between
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body.ToJsonString()}");
            Assert.NotNull(body["inquiry"]!["repliedAt"]);
        }

        Assert.Equal(1, await CountEventsAsync("InquiryReplyOverdue"));
        var again = await Client.PostAsync($"/api/v1/feedback/{feedbackId}/inquiry-reply", Json(new JsonObject { ["reply"] = "再答一次" }));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode); // one reply; the retry does not make a second
    }

    private async Task<HttpResponseMessage> AssignAsync(Guid taskId, string assignee, string ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/visit-tasks/{taskId}/assign") { Content = Json(new JsonObject { ["assignee"] = assignee }) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await Client.SendAsync(request);
    }

    /// <summary>
    /// Runs one SLA monitor tick, to its commit, when a request is about to save a change of the given task —
    /// after the request read it and before it writes it. EF Core reports SaveChanges to its diagnostic listener
    /// synchronously on the request's own thread, so the request waits for the tick: no timing involved.
    /// </summary>
    private sealed class MonitorBetweenReadAndWrite : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly ApiFixture _fixture;
        private readonly Func<DbContext, bool> _when;
        private readonly List<IDisposable> _subscriptions = [];
        private readonly IDisposable _all;
        private int _armed = 1;

        public MonitorBetweenReadAndWrite(ApiFixture fixture, Guid taskId)
            : this(fixture, context => context.ChangeTracker.Entries<VisitTask>().Any(e => e.Entity.Id == taskId && e.State == EntityState.Modified))
        {
        }

        public MonitorBetweenReadAndWrite(ApiFixture fixture, Func<DbContext, bool> when)
        {
            _fixture = fixture;
            _when = when;
            _all = DiagnosticListener.AllListeners.Subscribe(this);
        }

        public HuiFang.Api.Features.Escalations.MonitorSla.SlaTickResult? Tick { get; private set; }

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name)
            {
                lock (_subscriptions)
                {
                    _subscriptions.Add(listener.Subscribe(this, name => name == CoreEventId.SaveChangesStarting.Name));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Value is not DbContextEventData { Context: { } context }
                || !_when(context)
                || Interlocked.Exchange(ref _armed, 0) == 0)
            {
                return;
            }

            // Another thread and scope: the monitor's own transaction, committed before the request writes.
            Tick = Task.Run(_fixture.TickAsync).GetAwaiter().GetResult();
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            _all.Dispose();
            lock (_subscriptions)
            {
                _subscriptions.ForEach(s => s.Dispose());
            }
        }
    }
}
