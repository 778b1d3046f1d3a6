using System.Text.Json.Nodes;

namespace HuiFang.Bench;

public static class Stats
{
    /// <summary>Nearest-rank percentile; 0 for no samples.</summary>
    public static double Percentile(IReadOnlyCollection<double> samples, double p)
    {
        if (samples.Count == 0)
        {
            return 0;
        }

        var sorted = samples.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static double Median(IReadOnlyCollection<double> samples) => Percentile(samples, 50);

    public static JsonObject Summary(IReadOnlyCollection<double> samples) => new()
    {
        ["count"] = samples.Count,
        ["p50"] = Math.Round(Percentile(samples, 50), 2),
        ["p99"] = Math.Round(Percentile(samples, 99), 2),
        ["max"] = Math.Round(samples.Count == 0 ? 0 : samples.Max(), 2),
    };
}
