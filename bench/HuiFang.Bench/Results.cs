using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HuiFang.Bench;

/// <summary>
/// Turns one bench/run's raw files (wrk and pgbench output, psql timings, pidstat samples, the API's log)
/// into <c>&lt;date&gt;.md</c> and <c>&lt;date&gt;.json</c>: each figure beside its same-run baseline and its target.
/// A scenario that did not run is left out; a previous results JSON adds a before/after table.
/// </summary>
public static partial class Results
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Write(Arguments a)
    {
        var raw = a["raw"];
        var meta = File.ReadAllLines(Path.Combine(raw, "meta.txt"))
            .Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        var apiPid = meta.GetValueOrDefault("api_pid", "");
        var rows = new List<JsonObject>();

        foreach (var (name, title, minRatio, maxP99) in new[]
        {
            ("create-task", "Create visit task (POST /visit-tasks)", 0.5, 25.0),
            ("feedback", "Record feedback that opens an escalation (POST /visit-tasks/{id}/feedback)", 0.4, double.NaN),
            ("get-task", "Get one task (GET /visit-tasks/{id})", 0.5, double.NaN),
            ("list-page", "List a page (GET /visit-tasks?assignee=…&limit=50)", 0.5, double.NaN),
            ("survey-form", "Survey page: the form (GET /s/{token})", 0.5, double.NaN),
            ("survey-answer", "Survey page: an answer (POST /s/{token}, plain form post)", double.NaN, double.NaN),
        })
        {
            var wrkFile = Path.Combine(raw, $"{name}.wrk.json");
            if (!File.Exists(wrkFile))
            {
                continue;
            }

            var wrk = JsonNode.Parse(File.ReadAllText(wrkFile))!.AsObject();
            var pgbenchFile = Path.Combine(raw, $"{name}.pgbench.txt");
            if (!File.Exists(pgbenchFile))
            {
                rows.Add(BesideGetTask(raw, name, title, minRatio, wrk, apiPid));
                continue;
            }

            var pgbench = File.ReadAllText(pgbenchFile);
            var tps = Number(TpsLine().Match(pgbench));
            var failedTx = Number(FailedLine().Match(pgbench));
            var latencies = File.ReadAllLines(Path.Combine(raw, $"{name}.pgbench.lat")).Select(l => double.Parse(l, Inv) / 1000).ToList();
            var rps = (double)wrk["rps"]!;
            var p99 = (double)wrk["latencyMs"]!["p99"]!;
            var ratio = tps > 0 ? rps / tps : 0;
            var warmFile = Path.Combine(raw, $"{name}.warm.json");
            var warm = File.Exists(warmFile) ? JsonNode.Parse(File.ReadAllText(warmFile))!.AsObject() : null;
            var met = ratio >= minRatio && (double.IsNaN(maxP99) || p99 <= maxP99) && (int)wrk["failed"]! == 0 && (int)wrk["socketErrors"]! == 0;
            rows.Add(new JsonObject
            {
                ["scenario"] = name,
                ["title"] = title,
                ["measured"] = new JsonObject
                {
                    ["rps"] = rps,
                    ["p50Ms"] = (double)wrk["latencyMs"]!["p50"]!,
                    ["p99Ms"] = p99,
                    ["requests"] = (int)wrk["requests"]!,
                    ["failed"] = (int)wrk["failed"]!,
                    ["socketErrors"] = (int)wrk["socketErrors"]!,
                },
                ["baseline"] = new JsonObject
                {
                    ["tps"] = Math.Round(tps, 1),
                    ["p50Ms"] = Math.Round(Stats.Percentile(latencies, 50), 2),
                    ["p99Ms"] = Math.Round(Stats.Percentile(latencies, 99), 2),
                    ["failedTransactions"] = failedTx,
                },
                // The warm-up window: what the first seconds of load get while the API still JIT-compiles.
                ["warmUp"] = warm is null ? null : new JsonObject
                {
                    ["seconds"] = (double)warm["seconds"]!,
                    ["rps"] = (double)warm["rps"]!,
                    ["p99Ms"] = (double)warm["latencyMs"]!["p99"]!,
                },
                ["ratio"] = Math.Round(ratio, 3),
                ["target"] = $"≥ {minRatio:0.0#} × baseline" + (double.IsNaN(maxP99) ? "" : $", p99 ≤ {maxP99:0} ms"),
                ["met"] = met,
                ["cpu"] = Cpu(Path.Combine(raw, $"{name}.cpu.txt"), apiPid),
                ["baselineCpu"] = Cpu(Path.Combine(raw, $"{name}.baseline.cpu.txt"), apiPid),
            });
        }

        var eventsFile = Path.Combine(raw, "events.json");
        if (File.Exists(eventsFile))
        {
            var e = JsonNode.Parse(File.ReadAllText(eventsFile))!.AsObject();
            var p99 = (double)e["latencyMs"]!["p99"]!;
            var lost = (int)e["lost"]!;
            rows.Add(new JsonObject
            {
                ["scenario"] = "events",
                ["title"] = $"Commit → event at a RabbitMQ subscriber, {e["targetRate"]} events/s for {e["seconds"]} s",
                ["measured"] = e.DeepClone(),
                ["target"] = "p99 ≤ 200 ms, 0 lost",
                ["met"] = p99 <= 200 && lost == 0 && (int)e["created"]! == (int)e["requests"]!,
                ["cpu"] = Cpu(Path.Combine(raw, "events.cpu.txt"), apiPid),
            });
        }

        var reportFile = Path.Combine(raw, "report.txt");
        if (File.Exists(reportFile))
        {
            var reports = new JsonArray();
            var allMet = true;
            foreach (var line in File.ReadAllLines(reportFile).Where(l => l.Length > 0))
            {
                var parts = line.Split('\t');
                var api = parts[1].Split(',').Select(v => double.Parse(v, Inv)).ToList();
                var psql = parts[2].Split(',').Select(v => double.Parse(v, Inv)).ToList();
                // The first request of a period compiles the query; steady state is the median of the rest.
                var apiSteady = Stats.Median(api.Skip(1).ToList());
                var psqlSteady = Stats.Median(psql.Skip(1).ToList());
                var met = apiSteady <= 300 && apiSteady <= 1.5 * psqlSteady;
                allMet &= met;
                reports.Add(new JsonObject
                {
                    ["report"] = parts[0],
                    ["apiMs"] = Math.Round(apiSteady, 1),
                    ["apiFirstMs"] = Math.Round(api[0], 1),
                    ["psqlMs"] = Math.Round(psqlSteady, 1),
                    ["psqlFirstMs"] = Math.Round(psql[0], 1),
                    ["ratio"] = Math.Round(apiSteady / psqlSteady, 2),
                    ["met"] = met,
                });
            }

            rows.Add(new JsonObject
            {
                ["scenario"] = "report",
                ["title"] = "Monthly reports over 1,000,000 feedback rows",
                ["measured"] = new JsonObject { ["reports"] = reports, ["rows"] = meta.GetValueOrDefault("report_rows", "") },
                ["target"] = "≤ 1.5 × psql and ≤ 300 ms",
                ["met"] = allMet,
            });
        }

        var dashboardFile = Path.Combine(raw, "dashboard.txt");
        if (File.Exists(dashboardFile))
        {
            rows.Add(Dashboard(raw, dashboardFile, meta));
        }

        var slaFile = Path.Combine(raw, "sla.log");
        if (File.Exists(slaFile))
        {
            var due = new List<(int Claimed, double Ms)>();
            var idle = new List<double>();
            foreach (var line in File.ReadLines(slaFile))
            {
                if (!line.StartsWith('{') || !line.Contains("SLA monitor tick", StringComparison.Ordinal))
                {
                    continue;
                }

                var state = JsonNode.Parse(line)!["State"]!;
                var ms = (double)state["DurationMs"]!;
                if (state["Claimed"] is { } claimed)
                {
                    due.Add(((int)claimed, ms));
                }
                else
                {
                    idle.Add(ms);
                }
            }

            // The first wave JIT-compiles the warning path; the steady price is the median of the later ones.
            var hundred = due.Where(d => d.Claimed >= 100).Select(d => d.Ms).ToList();
            var dueMs = hundred.Count > 1 ? Stats.Median(hundred.Skip(1).ToList()) : hundred.Count == 1 ? hundred[0] : double.NaN;
            rows.Add(new JsonObject
            {
                ["scenario"] = "sla-monitor",
                ["title"] = $"SLA monitor tick, {meta.GetValueOrDefault("sla_open", "?")} open escalations",
                ["measured"] = new JsonObject
                {
                    ["dueTicks"] = new JsonArray([.. due.Select(d => (JsonNode)new JsonObject { ["claimed"] = d.Claimed, ["ms"] = d.Ms })]),
                    ["dueTickMs"] = double.IsNaN(dueMs) ? null : dueMs,
                    ["firstDueTickMs"] = hundred.Count > 0 ? Math.Round(hundred[0], 1) : null,
                    ["idleTicks"] = idle.Count,
                    ["idleTickMedianMs"] = Math.Round(Stats.Median(idle), 2),
                    ["idleTickP99Ms"] = Math.Round(Stats.Percentile(idle, 99), 2),
                },
                ["target"] = "≤ 50 ms with 100 falling due; an idle tick costs the due items, not the open ones",
                ["met"] = dueMs <= 50,
            });
        }

        var memoryFile = Path.Combine(raw, "memory.txt");
        if (File.Exists(memoryFile))
        {
            var status = File.ReadAllText(memoryFile);
            var rss = Number(Kb("VmRSS").Match(status)) / 1024;
            var hwm = Number(Kb("VmHWM").Match(status)) / 1024;
            rows.Add(new JsonObject
            {
                ["scenario"] = "memory",
                ["title"] = "API resident memory at the end of the load",
                ["measured"] = new JsonObject
                {
                    ["rssMb"] = Math.Round(rss, 1),
                    ["peakRssMb"] = Math.Round(hwm, 1),
                    ["afterScenario"] = AfterScenario(Path.Combine(raw, "memory-by-scenario.txt")),
                    ["burst"] = File.Exists(Path.Combine(raw, "burst.json")) ? JsonNode.Parse(File.ReadAllText(Path.Combine(raw, "burst.json"))) : null,
                },
                ["target"] = "≤ 300 MB",
                ["met"] = rss <= 300,
            });
        }

        var result = new JsonObject
        {
            ["date"] = meta.GetValueOrDefault("date"),
            ["label"] = a["label"],
            ["commit"] = meta.GetValueOrDefault("commit"),
            ["machine"] = meta.GetValueOrDefault("machine"),
            ["settings"] = meta.GetValueOrDefault("settings"),
            ["scenarios"] = new JsonArray([.. rows]),
        };

        var outDir = a["out"];
        Directory.CreateDirectory(outDir);
        var stem = Path.Combine(outDir, meta.GetValueOrDefault("name", "results"));
        var previous = meta.TryGetValue("previous", out var p) && File.Exists(p) ? JsonNode.Parse(File.ReadAllText(p))!.AsObject() : null;
        File.WriteAllText(stem + ".json", result.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
        File.WriteAllText(stem + ".md", Markdown(result, previous, meta));
        Console.WriteLine(File.ReadAllText(stem + ".md"));
        return 0;
    }

    private static string Markdown(JsonObject r, JsonObject? previous, Dictionary<string, string> meta)
    {
        var md = new StringBuilder();
        md.AppendLine(Inv, $"# HuiFang benchmark — {r["date"]}");
        md.AppendLine();
        md.AppendLine(Inv, $"{r["label"]}. Commit `{r["commit"]}`; {r["machine"]}.");
        md.AppendLine(Inv, $"Settings: {r["settings"]}. Produced by `bench/run {meta.GetValueOrDefault("scenarios", "")}`.");
        md.AppendLine();
        md.AppendLine("| scenario | measured | baseline in the same run | ratio | target | met |");
        md.AppendLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var s in r["scenarios"]!.AsArray().Select(n => n!.AsObject()))
        {
            md.AppendLine(Inv, $"| {s["title"]} | {Measured(s)} | {Baseline(s)} | {RatioText(s)} | {s["target"]} | {((bool)s["met"]! ? "yes" : "**no**")} |");
        }

        var withCpu = r["scenarios"]!.AsArray().Select(n => n!.AsObject()).Where(s => s["cpu"] is JsonObject).ToList();
        if (withCpu.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("Where the two cores went during each measured window (pidstat, % of one core, averaged over the window; 200 % = both cores):");
            md.AppendLine();
            md.AppendLine("| window | API | PostgreSQL | load generator | RabbitMQ | other | idle |");
            md.AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
            foreach (var s in withCpu)
            {
                md.AppendLine(CpuRow($"{s["scenario"]} (API)", s["cpu"]!.AsObject()));
                if (s["baselineCpu"] is JsonObject b)
                {
                    md.AppendLine(CpuRow($"{s["scenario"]} (pgbench baseline)", b));
                }
            }
        }

        var warmed = r["scenarios"]!.AsArray().Select(n => n!.AsObject()).Where(s => s["warmUp"] is JsonObject).ToList();
        if (warmed.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("The warm-up window before each measured one (same load; the API is still JIT-compiling its hot paths, most of all in the first scenario after start):");
            md.AppendLine();
            md.AppendLine("| scenario | warm-up | measured window |");
            md.AppendLine("| --- | --- | --- |");
            foreach (var s in warmed)
            {
                var w = s["warmUp"]!;
                md.AppendLine(Inv, $"| {s["scenario"]} | {(double)w["rps"]!:0} req/s, p99 {w["p99Ms"]} ms ({w["seconds"]:0} s) | {(double)s["measured"]!["rps"]!:0} req/s, p99 {s["measured"]!["p99Ms"]} ms |");
            }
        }

        if (previous is not null)
        {
            md.AppendLine();
            md.AppendLine(Inv, $"## Before and after: {previous["label"]} (commit `{previous["commit"]}`, {previous["date"]}) → this run");
            md.AppendLine();
            md.AppendLine("| scenario | before | after |");
            md.AppendLine("| --- | --- | --- |");
            foreach (var s in r["scenarios"]!.AsArray().Select(n => n!.AsObject()))
            {
                var before = previous["scenarios"]!.AsArray().Select(n => n!.AsObject()).FirstOrDefault(o => (string?)o["scenario"] == (string?)s["scenario"]);
                if (before is not null)
                {
                    md.AppendLine(Inv, $"| {s["scenario"]} | {Measured(before)}{RatioSuffix(before)} | {Measured(s)}{RatioSuffix(s)} |");
                }
            }
        }

        md.AppendLine();
        md.AppendLine("Measured figures are wrk's (HTTP, keep-alive connections) or the probe's; baselines are pgbench or psql running the SQL the API sends, read off PostgreSQL's statement log, on the same server in the same run. Raw files: `bench/results/raw/` of the run (not committed).");
        return md.ToString();
    }

    /// <summary>
    /// A scenario without a pgbench baseline (the survey page): its figures beside the task GET measured in the same
    /// run, the page's size (plain and gzip) when recorded, and a ratio target where one is set.
    /// </summary>
    private static JsonObject BesideGetTask(string raw, string name, string title, double minRatio, JsonObject wrk, string apiPid)
    {
        var getTaskFile = Path.Combine(raw, "get-task.wrk.json");
        var getTask = File.Exists(getTaskFile) ? JsonNode.Parse(File.ReadAllText(getTaskFile))!.AsObject() : null;
        var rps = (double)wrk["rps"]!;
        double? ratio = getTask is null ? null : Math.Round(rps / (double)getTask["rps"]!, 3);
        var bytesFile = Path.Combine(raw, $"{name}.bytes");
        var bytes = File.Exists(bytesFile) ? File.ReadAllLines(bytesFile).Where(l => l.Length > 0).Select(l => int.Parse(l, Inv)).ToList() : [];
        var warmFile = Path.Combine(raw, $"{name}.warm.json");
        var warm = File.Exists(warmFile) ? JsonNode.Parse(File.ReadAllText(warmFile))!.AsObject() : null;
        var clean = (int)wrk["failed"]! == 0 && (int)wrk["socketErrors"]! == 0;
        return new JsonObject
        {
            ["scenario"] = name,
            ["title"] = title,
            ["measured"] = new JsonObject
            {
                ["rps"] = rps,
                ["p50Ms"] = (double)wrk["latencyMs"]!["p50"]!,
                ["p99Ms"] = (double)wrk["latencyMs"]!["p99"]!,
                ["requests"] = (int)wrk["requests"]!,
                ["failed"] = (int)wrk["failed"]!,
                ["socketErrors"] = (int)wrk["socketErrors"]!,
                ["pageBytes"] = bytes.Count > 0 ? bytes[0] : null,
                ["pageBytesGzip"] = bytes.Count > 1 ? bytes[1] : null,
            },
            ["besideGetTask"] = getTask is null ? null : new JsonObject
            {
                ["rps"] = (double)getTask["rps"]!,
                ["p50Ms"] = (double)getTask["latencyMs"]!["p50"]!,
                ["p99Ms"] = (double)getTask["latencyMs"]!["p99"]!,
            },
            ["warmUp"] = warm is null ? null : new JsonObject
            {
                ["seconds"] = (double)warm["seconds"]!,
                ["rps"] = (double)warm["rps"]!,
                ["p99Ms"] = (double)warm["latencyMs"]!["p99"]!,
            },
            ["ratio"] = ratio,
            ["target"] = double.IsNaN(minRatio) ? "every answer 2xx (reported beside get-task)" : $"≥ {minRatio:0.0#} × get-task",
            ["met"] = clean && (double.IsNaN(minRatio) || ratio >= minRatio),
            ["cpu"] = Cpu(Path.Combine(raw, $"{name}.cpu.txt"), apiPid),
        };
    }

    /// <summary>
    /// The dashboard page beside the JSON reports it is built from, each asked ten times in a row for the same
    /// period: the first answer (the query plans compiled, the tenant's settings read) and the median of the nine
    /// after it. The page sends the reports' own queries, so its steady time is compared with their sum.
    /// </summary>
    private static JsonObject Dashboard(string raw, string file, Dictionary<string, string> meta)
    {
        var timings = File.ReadAllLines(file).Where(l => l.Length > 0).Select(l => l.Split('\t'))
            .Select(p => (Label: p[0], Ms: p[1].Split(',').Select(v => double.Parse(v, Inv)).ToList())).ToList();
        JsonObject Row((string Label, List<double> Ms) t) => new()
        {
            ["request"] = t.Label,
            ["ms"] = Math.Round(Stats.Median(t.Ms.Skip(1).ToList()), 1),
            ["maxMs"] = Math.Round(t.Ms.Skip(1).Max(), 1),
            ["firstMs"] = Math.Round(t.Ms[0], 1),
        };

        var page = timings.Single(t => t.Label == "dashboard page");
        var reports = timings.Where(t => t.Label != "dashboard page").Select(Row).ToList();
        var pageRow = Row(page);
        var sum = reports.Sum(r => (double)r["ms"]!);
        var ratio = sum > 0 ? Math.Round((double)pageRow["ms"]! / sum, 2) : double.NaN;
        var bytesFile = Path.Combine(raw, "dashboard.bytes");
        var bytes = File.Exists(bytesFile) ? File.ReadAllLines(bytesFile).Where(l => l.Length > 0).Select(l => int.Parse(l, Inv)).ToList() : [];
        return new JsonObject
        {
            ["scenario"] = "dashboard",
            ["title"] = $"Dashboard page (GET /dashboard, signed in) over {meta.GetValueOrDefault("report_rows", "?")} feedback rows, "
                + $"{meta.GetValueOrDefault("dashboard_escalations", "?")} escalations and {meta.GetValueOrDefault("dashboard_invitations", "?")} survey invitations (October 2026)",
            ["measured"] = new JsonObject
            {
                ["page"] = pageRow,
                ["pageBytes"] = bytes.Count > 0 ? bytes[0] : null,
                ["pageBytesGzip"] = bytes.Count > 1 ? bytes[1] : null,
            },
            ["baseline"] = new JsonObject { ["reports"] = new JsonArray([.. reports]), ["sumMs"] = Math.Round(sum, 1) },
            ["ratio"] = double.IsNaN(ratio) ? null : ratio,
            ["target"] = "≤ 1.25 × the sum of its JSON reports",
            ["met"] = !double.IsNaN(ratio) && ratio <= 1.25,
        };
    }

    private static JsonArray AfterScenario(string path) => !File.Exists(path) ? [] : new JsonArray([..
        File.ReadAllLines(path).Select(l => l.Split('\t')).Where(p => p.Length == 3).Select(p => (JsonNode)new JsonObject
        {
            ["scenario"] = p[0],
            ["rssMb"] = Math.Round(double.Parse(p[1], Inv) / 1024, 1),
            ["peakRssMb"] = Math.Round(double.Parse(p[2], Inv) / 1024, 1),
        })]);

    private static string Counts(JsonNode? counts) =>
        counts is JsonObject o ? string.Join(", ", o.Select(c => FormattableString.Invariant($"{c.Value} × {c.Key}"))) : "";

    private static string RatioSuffix(JsonObject s) => s["ratio"] is null ? "" : $" ({(double)s["ratio"]!:0.00} ×)";

    private static string RatioText(JsonObject s)
    {
        if (s["ratio"] is { } ratio)
        {
            return ((double)ratio).ToString("0.00 ×", Inv);
        }

        if ((string?)s["scenario"] == "report")
        {
            return string.Join("<br>", s["measured"]!["reports"]!.AsArray().Select(x => ((double)x!["ratio"]!).ToString("0.00 ×", Inv)));
        }

        return "—";
    }

    private static string Measured(JsonObject s)
    {
        var m = s["measured"]!;
        return (string?)s["scenario"] switch
        {
            "events" => FormattableString.Invariant($"{m["created"]} events at {m["achievedRate"]}/s: p50 {m["latencyMs"]!["p50"]} ms, p99 {m["latencyMs"]!["p99"]} ms, max {m["latencyMs"]!["max"]} ms; lost {m["lost"]}, duplicates {m["duplicates"]}"),
            "report" => string.Join("<br>", m["reports"]!.AsArray().Select(x => FormattableString.Invariant($"{x!["report"]}: {x["apiMs"]} ms (first {x["apiFirstMs"]} ms)"))),
            "dashboard" => FormattableString.Invariant($"{m["page"]!["ms"]} ms (first {m["page"]!["firstMs"]} ms, max {m["page"]!["maxMs"]} ms); page {m["pageBytes"]} B, {m["pageBytesGzip"]} B gzip"),
            "sla-monitor" => FormattableString.Invariant($"{(m["dueTickMs"] is null ? "no tick with 100 due seen" : $"{(double)m["dueTickMs"]!:0.0} ms with 100 due (first wave {m["firstDueTickMs"]} ms)")}; nothing due: median {m["idleTickMedianMs"]} ms, p99 {m["idleTickP99Ms"]} ms ({m["idleTicks"]} ticks)"),
            "memory" => FormattableString.Invariant($"{m["rssMb"]} MB (peak {m["peakRssMb"]} MB)")
                + (m["afterScenario"] is JsonArray { Count: > 0 } after ? "<br>after " + string.Join(", ", after.Select(x => FormattableString.Invariant($"{x!["scenario"]}: {x["rssMb"]}"))) + " MB" : "")
                + (m["burst"] is JsonObject b ? FormattableString.Invariant($"<br>burst: {b["idleConnections"]} idle connections, {b["slowBodies"]} slow bodies at {b["slowBytesPerSecond"]} B/s ({Counts(b["slowStatus"])}), {b["creates"]} creates {b["concurrency"]} at a time ({Counts(b["createStatus"])}) in {b["createSeconds"]} s") : ""),
            _ => FormattableString.Invariant($"{(double)m["rps"]!:0} req/s, p50 {m["p50Ms"]} ms, p99 {m["p99Ms"]} ms ({m["requests"]} requests, {m["failed"]} not 2xx)")
                + (m["pageBytes"] is null ? "" : FormattableString.Invariant($"; page {m["pageBytes"]} B, {m["pageBytesGzip"]} B gzip")),
        };
    }

    private static string Baseline(JsonObject s) => (string?)s["scenario"] switch
    {
        "report" => string.Join("<br>", s["measured"]!["reports"]!.AsArray().Select(x => FormattableString.Invariant($"psql {x!["psqlMs"]} ms (first {x["psqlFirstMs"]} ms)"))),
        "dashboard" => string.Join("<br>", s["baseline"]!["reports"]!.AsArray().Select(x => FormattableString.Invariant($"{x!["request"]}: {x["ms"]} ms (first {x["firstMs"]} ms)")))
            + FormattableString.Invariant($"<br>sum {s["baseline"]!["sumMs"]} ms"),
        _ when s["baseline"] is JsonObject b => FormattableString.Invariant($"pgbench {(double)b["tps"]!:0} tps, p50 {b["p50Ms"]} ms, p99 {b["p99Ms"]} ms"),
        _ when s["besideGetTask"] is JsonObject g => FormattableString.Invariant($"get-task {(double)g["rps"]!:0} req/s, p50 {g["p50Ms"]} ms, p99 {g["p99Ms"]} ms"),
        _ => "—",
    };

    private static string CpuRow(string window, JsonObject c) =>
        FormattableString.Invariant($"| {window} | {c["api"]} | {c["postgres"]} | {c["load"]} | {c["rabbitmq"]} | {c["other"]} | {c["idle"]} |");

    /// <summary>pidstat -u -h samples → average %CPU per role over the sampled seconds.</summary>
    private static JsonObject? Cpu(string path, string apiPid)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var sums = new Dictionary<string, double> { ["api"] = 0, ["postgres"] = 0, ["load"] = 0, ["rabbitmq"] = 0, ["other"] = 0 };
        var seconds = new HashSet<string>();
        foreach (var line in File.ReadLines(path))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 10 || f[0].StartsWith('#') || !double.TryParse(f[7], Inv, out var cpu))
            {
                continue;
            }

            seconds.Add(f[0]);
            var command = f[^1];
            var role = command switch
            {
                _ when f[2] == apiPid => "api",
                "postgres" => "postgres",
                "wrk" or "pgbench" or "dotnet" or "psql" or "curl" => "load",
                "beam.smp" or "erl_child_setup" or "inet_gethost" or "epmd" => "rabbitmq",
                _ => "other",
            };
            sums[role] += cpu;
        }

        var n = Math.Max(1, seconds.Count);
        var result = new JsonObject();
        foreach (var (role, sum) in sums)
        {
            result[role] = Math.Round(sum / n, 0);
        }

        result["idle"] = Math.Max(0, Math.Round(200 - sums.Values.Sum() / n, 0));
        return result;
    }

    private static double Number(Match m) => m.Success ? double.Parse(m.Groups[1].Value, Inv) : 0;

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex TpsLine();

    [GeneratedRegex(@"number of failed transactions: (\d+)")]
    private static partial Regex FailedLine();

    private static Regex Kb(string field) => new($@"{field}:\s+(\d+) kB");
}
