using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;

namespace HuiFang.FaultRun;

/// <summary>
/// The run: the API started once (migrations), the first key made with its command line, the subscriber's
/// queue bound, then create load while the schedule's faults are injected one after another, then the
/// ledger checked against the database and the queue. Exit code 0 only when nothing broke the contract:
/// no 5xx but 503, every 503/429 with Retry-After, every create answered 201 in the end, every 201 a row,
/// every row's VisitTaskCreated delivered, duplicates only with the same message id.
/// </summary>
public static class FaultRun
{
    public static async Task<int> RunAsync(Settings settings)
    {
        var run = "FR" + settings.Seed.ToString(CultureInfo.InvariantCulture);
        var schedule = FaultSchedule.Plan(settings.Seed, settings.Faults);
        await File.WriteAllTextAsync(Path.Combine(settings.WorkDirectory, "seed"), settings.Seed.ToString(CultureInfo.InvariantCulture));
        Log.Write($"seed {settings.Seed} (replay with HUIFANG_FAULT_SEED={settings.Seed}); {settings.Faults} faults, {settings.Workers} clients");
        foreach (var fault in schedule)
        {
            Log.Write($"  planned: {fault}");
        }

        using var api = new ApiProcess(settings);
        var ledger = new Ledger();
        var started = Log.Now;
        await api.StartAsync();
        Log.Write($"API ready on {api.BaseAddress} in {(Log.Now - started).TotalSeconds:0.0}s");
        var key = (await api.RunCommandAsync("api-keys", "create", "--tenant", Settings.Tenant, "--name", "fault-run", "--scopes", "all"))
            .LastOrDefault(l => l.StartsWith("hfk_", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("api-keys create printed no hfk_ key");
        await Subscriber.BindAsync(settings.Amqp);

        using var stop = new CancellationTokenSource();
        var driver = new LoadDriver(api.BaseAddress, key, run, ledger);
        var load = driver.RunAsync(settings.Workers, stop.Token);
        var injector = new FaultInjector(settings, api);
        var loadStarted = Log.Now;
        try
        {
            foreach (var fault in schedule)
            {
                await Task.Delay(fault.Before);
                await injector.InjectAsync(fault);
            }
        }
        catch (Exception e)
        {
            ledger.Violations.Enqueue($"the schedule stopped: {e.Message}");
            Log.Write($"the schedule stopped: {e.Message}");
        }

        // A little load after the last fault is healed, then only the creates in flight finish.
        await Task.Delay(TimeSpan.FromSeconds(3));
        stop.Cancel();
        Log.Write("load stopping; waiting for the creates in flight");
        await load;
        var loadSeconds = (Log.Now - loadStarted).TotalSeconds;

        await using var db = NpgsqlDataSource.Create(settings.Postgres);
        Result result;
        try
        {
            var deliveries = await AwaitDeliveryAsync(db, settings.Amqp, ledger);
            result = await CheckAsync(db, ledger, deliveries, schedule, api);
        }
        catch (Exception e) when (e is NpgsqlException or RabbitMQ.Client.Exceptions.BrokerUnreachableException or RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            // A server that did not come back (the schedule says which): reported with what the client saw.
            ledger.Violations.Enqueue($"the checks could not run: {e.GetType().Name}: {e.Message}");
            result = new Result(ledger.Creates.Count(c => c.FinalStatus == 201), ledger.Creates.Count(c => c.Replayed), 0, 0, 0, 0, 0, 0);
        }

        var answers = string.Join(", ", ledger.Answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}: {a.Value}"));
        var kinds = string.Join(", ", schedule.GroupBy(f => f.Kind).Select(g => $"{g.Key} {g.Count()}"));
        Log.Write($"faults injected: {schedule.Count(f => f.HealedAt > TimeSpan.Zero)} of {schedule.Count} ({kinds})");
        Log.Write($"requests: {ledger.Requests} in {loadSeconds:0}s ({answers})");
        Log.Write($"creates: {ledger.Creates.Count}, answered 201: {result.Created} ({result.Replayed} of them replayed after a lost answer)");
        Log.Write($"rows: {result.TaskRows} visit tasks, {result.RecordRows} service records");
        Log.Write($"events: {result.Events} VisitTaskCreated written, {result.Delivered} delivered to the subscriber's queue, {result.Duplicates} duplicates (same message id)");
        Log.Write($"connection errors: {ledger.ConnectionErrors.Count} ({result.ConnectionErrorsOutside} outside an API outage)");

        var violations = ledger.Violations.ToList();
        var report = new StringBuilder();
        var errors = ledger.ServerErrors.ToList();
        var exceptions = ExceptionsByTrace(api.LogPath, errors.Select(e => TraceId(e.Body)).OfType<string>().ToHashSet(StringComparer.Ordinal));
        foreach (var group in errors.GroupBy(e => (e.Status, Cause: TraceId(e.Body) is { } t && exceptions.TryGetValue(t, out var x) ? x.Summary : ProblemText(e.Body))))
        {
            var first = group.First();
            report.AppendLine(CultureInfo.InvariantCulture, $"{group.Key.Status} answered {group.Count()} times, first at +{first.At.TotalSeconds:0.0}s: {LoadDriver.Shorten(first.Body)}");
            if (TraceId(first.Body) is { } trace && exceptions.TryGetValue(trace, out var logged))
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"    API log: {logged.Line}");
            }

            violations.Add($"{group.Key.Status} answered {group.Count()} times: {group.Key.Cause}");
        }

        if (violations.Count == 0)
        {
            Log.Write($"PASSED (seed {settings.Seed})");
            return 0;
        }

        foreach (var v in violations.Take(40))
        {
            report.AppendLine(v);
        }

        var path = Path.Combine(settings.WorkDirectory, "violations.txt");
        await File.WriteAllTextAsync(path, report.ToString());
        Console.WriteLine(report.ToString());
        Log.Write($"FAILED: {violations.Count} violations (seed {settings.Seed}; replay with HUIFANG_FAULT_SEED={settings.Seed} .ci/fault-test)");
        return 1;
    }

    /// <summary>Waits until the outbox has published everything (bounded), taking what reaches the queue meanwhile.</summary>
    private static async Task<List<Delivery>> AwaitDeliveryAsync(NpgsqlDataSource db, Uri amqp, Ledger ledger)
    {
        var deliveries = new List<Delivery>();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            await using var pending = db.CreateCommand("""SELECT count(*) FROM "OutboxMessages" WHERE "PublishedAt" IS NULL""");
            var left = (long)(await pending.ExecuteScalarAsync())!;
            deliveries.AddRange(await Subscriber.DrainAsync(amqp));
            if (left == 0)
            {
                // Marked published only after the broker confirmed: everything is in the queue now.
                deliveries.AddRange(await Subscriber.DrainAsync(amqp));
                Log.Write($"outbox empty {waited.Elapsed.TotalSeconds:0.0}s after the load; {deliveries.Count} messages taken from the queue");
                return deliveries;
            }

            if (waited.Elapsed > TimeSpan.FromSeconds(90))
            {
                ledger.Violations.Enqueue($"{left} events still unpublished 90 s after the load (HuiFang__Outbox__RetryMaxDelay is 5 s)");
                return deliveries;
            }

            await Task.Delay(500);
        }
    }

    private sealed record Result(int Created, int Replayed, int TaskRows, int RecordRows, int Events, int Delivered, int Duplicates, int ConnectionErrorsOutside);

    private static async Task<Result> CheckAsync(NpgsqlDataSource db, Ledger ledger, List<Delivery> deliveries, List<Fault> schedule, ApiProcess api)
    {
        void Fail(string v) => ledger.Violations.Enqueue(v);

        var tasks = new HashSet<Guid>();
        await using (var c = db.CreateCommand("""SELECT "Id" FROM "VisitTasks" WHERE "TenantId" = $1"""))
        {
            c.Parameters.Add(new NpgsqlParameter { Value = Settings.Tenant });
            await using var r = await c.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                tasks.Add(r.GetGuid(0));
            }
        }

        var records = new Dictionary<string, Guid?>(StringComparer.Ordinal);
        await using (var c = db.CreateCommand("""SELECT "WorkOrderNo", "VisitTaskId" FROM "ServiceRecords" WHERE "TenantId" = $1"""))
        {
            c.Parameters.Add(new NpgsqlParameter { Value = Settings.Tenant });
            await using var r = await c.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                records[r.GetString(0)] = r.IsDBNull(1) ? null : r.GetGuid(1);
            }
        }

        var events = new Dictionary<Guid, List<(Guid EventId, bool Published)>>();
        await using (var c = db.CreateCommand("""SELECT "StreamId", "EventId", "PublishedAt" IS NOT NULL FROM "OutboxMessages" WHERE "TenantId" = $1 AND "Type" = 'VisitTaskCreated'"""))
        {
            c.Parameters.Add(new NpgsqlParameter { Value = Settings.Tenant });
            await using var r = await c.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                var stream = r.GetString(0);
                var task = Guid.Parse(stream["visit-task/".Length..]);
                if (!events.TryGetValue(task, out var list))
                {
                    events[task] = list = [];
                }

                list.Add((r.GetGuid(1), r.GetBoolean(2)));
            }
        }

        // Every create ends in a 201; every 201 is a row.
        var creates = ledger.Creates.ToList();
        foreach (var c in creates.Where(c => c.FinalStatus is not (201 or null)).Take(10))
        {
            Fail($"create {c.Index} ({c.Kind}, {c.Attempts} attempts) ended with {c.FinalStatus}: {LoadDriver.Shorten(c.FinalBody ?? "")}");
        }

        var created = creates.Where(c => c.FinalStatus == 201).ToList();
        var expectedTasks = new HashSet<Guid>();
        foreach (var c in created)
        {
            if (c.Kind == "visit-task")
            {
                expectedTasks.Add(c.TaskId!.Value);
                if (!tasks.Contains(c.TaskId.Value))
                {
                    Fail($"create {c.Index}: 201 with visit task {c.TaskId} but no such row");
                }
            }
            else
            {
                if (c.TaskId is { } planned)
                {
                    expectedTasks.Add(planned);
                }

                if (!records.TryGetValue(c.WorkOrderNo, out var rowTask))
                {
                    Fail($"create {c.Index}: 201 for service record {c.WorkOrderNo} but no such row");
                }
                else if (rowTask != c.TaskId)
                {
                    Fail($"create {c.Index}: service record {c.WorkOrderNo} answered visit task {c.TaskId?.ToString() ?? "none"}, its row says {rowTask?.ToString() ?? "none"}");
                }
            }
        }

        foreach (var orphan in tasks.Where(t => !expectedTasks.Contains(t)).Take(10))
        {
            Fail($"visit task {orphan} is a row, but no create was answered 201 with it");
        }

        var answeredRecords = created.Where(c => c.Kind == "service-record").Select(c => c.WorkOrderNo).ToHashSet(StringComparer.Ordinal);
        foreach (var orphan in records.Keys.Where(w => !answeredRecords.Contains(w)).Take(10))
        {
            Fail($"service record {orphan} is a row, but no create was answered 201 with it");
        }

        // Every row's event written once and delivered; a message id names one event, an event one task.
        var byTask = deliveries.Where(d => d.TaskId is not null).GroupBy(d => d.TaskId!.Value).ToDictionary(g => g.Key, g => g.ToList());
        var missing = 0;
        foreach (var task in tasks)
        {
            if (!events.TryGetValue(task, out var written) || written.Count != 1)
            {
                Fail($"visit task {task} has {written?.Count ?? 0} VisitTaskCreated events in the outbox, not 1");
                continue;
            }

            if (!byTask.TryGetValue(task, out var got))
            {
                if (++missing <= 10)
                {
                    Fail($"visit task {task}: its VisitTaskCreated {written[0].EventId} (published: {written[0].Published}) never reached the subscriber");
                }

                continue;
            }

            var ids = got.Select(d => d.MessageId).Distinct(StringComparer.Ordinal).ToList();
            if (ids.Count != 1 || !Guid.TryParse(ids[0], out var messageId) || messageId != written[0].EventId)
            {
                Fail($"visit task {task}: delivered under message ids {string.Join(", ", ids)}; its event is {written[0].EventId}");
            }
        }

        if (missing > 10)
        {
            Fail($"… {missing} visit tasks' events never reached the subscriber in all");
        }

        foreach (var d in deliveries.Where(d => d.TaskId is null || !tasks.Contains(d.TaskId.Value)).Take(10))
        {
            Fail($"a message ({d.MessageId}) about visit task {d.TaskId?.ToString() ?? "?"}, which is not a row of tenant {Settings.Tenant}");
        }

        foreach (var d in deliveries.Where(d => d.MessageId != d.EnvelopeMessageId || d.EventId?.ToString() != d.MessageId || d.TenantHeader != Settings.Tenant).Take(10))
        {
            Fail($"a message whose AMQP message id {d.MessageId}, envelope messageId {d.EnvelopeMessageId}, eventId {d.EventId} and tenant header {d.TenantHeader} disagree");
        }

        foreach (var exit in api.UnexpectedExits)
        {
            Fail($"the API stopped by itself: {exit}");
        }

        // A connection error is expected while the API is down (killed, until it is ready again); at any other
        // time it is a request the running service dropped or did not answer within the client's timeout.
        var outages = schedule.Where(f => f.Kind == FaultKind.ApiKill && f.HealedAt > TimeSpan.Zero)
            .Select(f => (From: f.InjectedAt - TimeSpan.FromSeconds(0.5), To: f.HealedAt + TimeSpan.FromSeconds(1))).ToList();
        var outside = ledger.ConnectionErrors.Where(at => !outages.Any(o => at >= o.From && at <= o.To)).ToList();
        if (outside.Count > 0)
        {
            Fail($"{outside.Count} connection errors or timeouts while the API was running, first at +{outside.Min().TotalSeconds:0.0}s");
        }

        var delivered = tasks.Count(byTask.ContainsKey);
        var duplicates = deliveries.Count - deliveries.Select(d => d.MessageId).Distinct(StringComparer.Ordinal).Count();
        return new Result(created.Count, created.Count(c => c.Replayed), tasks.Count, records.Count, events.Values.Sum(v => v.Count), delivered, duplicates, outside.Count);
    }

    private static string ProblemText(string body)
    {
        try
        {
            var json = JsonNode.Parse(body);
            return $"{(string?)json?["title"]} {(string?)json?["detail"]}".Trim();
        }
        catch (System.Text.Json.JsonException)
        {
            return LoadDriver.Shorten(body);
        }
    }

    /// <summary>The problem's trace id as the log carries it: the trace part of a W3C traceparent (00-trace-span-00).</summary>
    private static string? TraceId(string body)
    {
        try
        {
            var id = (string?)JsonNode.Parse(body)?["traceId"];
            return id?.Split('-') is [_, var trace, _, _] ? trace : id;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// One pass over the API's log: for each trace id asked for, the line that logged its exception and a
    /// one-line summary (the innermost exception's first line), which is what tells one 500 from another.
    /// </summary>
    private static Dictionary<string, (string Summary, string Line)> ExceptionsByTrace(string logPath, HashSet<string> traces)
    {
        var found = new Dictionary<string, (string Summary, string Line)>(StringComparer.Ordinal);
        if (traces.Count == 0)
        {
            return found;
        }

        using var reader = new StreamReader(new FileStream(logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        while (reader.ReadLine() is { } line)
        {
            var json = line.IndexOf('{', StringComparison.Ordinal);
            if (json < 0 || !line.Contains("\"Exception\"", StringComparison.Ordinal))
            {
                continue;
            }

            JsonNode? entry;
            try
            {
                entry = JsonNode.Parse(line[json..]);
            }
            catch (System.Text.Json.JsonException)
            {
                continue;
            }

            var text = entry?.ToJsonString() ?? "";
            var trace = traces.FirstOrDefault(t => text.Contains(t, StringComparison.Ordinal));
            if (trace is null || found.ContainsKey(trace) || (string?)entry?["Exception"] is not { } exception)
            {
                continue;
            }

            // "Outer: message\n ---> Inner: message\n   at …": the innermost cause names the fault.
            var causes = exception.Split('\n').Where(l => !l.TrimStart().StartsWith("at ", StringComparison.Ordinal) && !l.Contains("End of inner exception", StringComparison.Ordinal)).ToList();
            var innermost = causes.LastOrDefault(l => l.Contains("--->", StringComparison.Ordinal)) ?? causes.FirstOrDefault() ?? exception;
            var summary = innermost.Replace("--->", "", StringComparison.Ordinal).Trim();
            found[trace] = (summary, line.Length <= 3000 ? line : line[..3000] + "…");
        }

        return found;
    }
}
