using HuiFang.Bench;

// bench/run calls this for the parts a shell and wrk cannot do well:
//   events   – create visit tasks at a fixed rate and time each VisitTaskCreated to a plain AMQP subscriber
//   burst    – idle connections, slow bodies and a flood of creates at once, for the memory reading after it
//   results  – turn the run's raw files into bench/results/<date>.md and .json
//   statement – the slowest statement in PostgreSQL's log containing a marker, as a psql script that times it
return args.FirstOrDefault() switch
{
    "events" => await EventLatency.RunAsync(Arguments.Parse(args.Skip(1))),
    "burst" => await Burst.RunAsync(Arguments.Parse(args.Skip(1))),
    "results" => Results.Write(Arguments.Parse(args.Skip(1))),
    "statement" => Statement(Arguments.Parse(args.Skip(1))),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: HuiFang.Bench events  --api <url> --key <api key> --amqp <uri> --rate <per s> --seconds <n> --out <file.json>
               HuiFang.Bench burst   --api <url> --key <api key> --idle <connections> --slow <connections> --slow-rate <bytes/s> --creates <n> --concurrency <n> --out <file.json>
               HuiFang.Bench results --raw <dir> --out <dir> --label <text>
               HuiFang.Bench statement --log <postgres log> --contains <text> --times <n> --out <file.sql>
        """);
    return 2;
}

static int Statement(Arguments a)
{
    if (PgLog.SlowestStatement(a["log"], a["contains"]) is not { } found)
    {
        Console.Error.WriteLine($"no executed statement containing '{a["contains"]}' in {a["log"]}");
        return 1;
    }

    File.WriteAllText(a["out"], PgLog.PsqlScript(found.Sql, found.Parameters, (int)a.Number("times")));
    return 0;
}
