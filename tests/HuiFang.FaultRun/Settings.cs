using System.Globalization;
using System.Security.Cryptography;

namespace HuiFang.FaultRun;

public sealed class SettingsException(string message) : Exception(message);

/// <summary>What the run is pointed at, and the few knobs a person replaying it may turn.</summary>
public sealed record Settings(
    string ApiDirectory,
    string WorkDirectory,
    string Postgres,
    Uri Amqp,
    int ApiPort,
    int Seed,
    int Faults,
    int Workers,
    string BrokerStop,
    string BrokerKill,
    string BrokerStart,
    string PostgresRestart,
    string PostgresReadOnly)
{
    public const string Tenant = "faultrun";

    public static Settings From(string[] args)
    {
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new SettingsException($"unexpected argument '{args[i]}'; expected --name value pairs");
            }

            named[args[i][2..]] = args[++i];
        }

        string Arg(string name) => named.TryGetValue(name, out var v) && v.Length > 0 ? v : throw new SettingsException($"--{name} is required");
        string Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : throw new SettingsException($"{name} is required (a shell command)");
        int Number(string name, int fallback, int min, int max)
        {
            var text = Environment.GetEnvironmentVariable(name);
            if (string.IsNullOrEmpty(text))
            {
                return fallback;
            }

            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
                ? n
                : throw new SettingsException($"{name}: '{text}' is not a whole number from {min} to {max}");
        }

        var apiDirectory = Path.GetFullPath(Arg("api-dir"));
        if (!File.Exists(Path.Combine(apiDirectory, "HuiFang.Api.dll")))
        {
            throw new SettingsException($"--api-dir: no HuiFang.Api.dll in {apiDirectory}");
        }

        var restart = Env("FAULTRUN_POSTGRES_RESTART");
        if (!restart.Contains("{mode}", StringComparison.Ordinal))
        {
            throw new SettingsException("FAULTRUN_POSTGRES_RESTART must contain {mode} (fast or immediate)");
        }

        var readOnly = Env("FAULTRUN_POSTGRES_READ_ONLY");
        if (!readOnly.Contains("{value}", StringComparison.Ordinal))
        {
            throw new SettingsException("FAULTRUN_POSTGRES_READ_ONLY must contain {value} (on or off)");
        }

        return new Settings(
            apiDirectory,
            Path.GetFullPath(Arg("work")),
            Arg("postgres"),
            new Uri(Arg("amqp")),
            int.Parse(Arg("api-port"), CultureInfo.InvariantCulture),
            Number("HUIFANG_FAULT_SEED", RandomNumberGenerator.GetInt32(1, int.MaxValue), 0, int.MaxValue),
            Number("HUIFANG_FAULT_COUNT", Enum.GetValues<FaultKind>().Length, Enum.GetValues<FaultKind>().Length, 100),
            Number("HUIFANG_FAULT_WORKERS", 12, 1, 200),
            Env("FAULTRUN_BROKER_STOP"),
            Env("FAULTRUN_BROKER_KILL"),
            Env("FAULTRUN_BROKER_START"),
            restart,
            readOnly);
    }
}
