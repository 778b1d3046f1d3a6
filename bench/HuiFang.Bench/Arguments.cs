using System.Globalization;

namespace HuiFang.Bench;

/// <summary><c>--name value</c> pairs; a missing required one stops the tool with its name.</summary>
public sealed class Arguments(Dictionary<string, string> values)
{
    public static Arguments Parse(IEnumerable<string> args)
    {
        var list = args.ToList();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < list.Count; i += 2)
        {
            if (!list[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"expected --name value, got '{list[i]}'");
            }

            values[list[i][2..]] = list[i + 1];
        }

        return new Arguments(values);
    }

    public string this[string name] => values.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name} is required");

    public double Number(string name) => double.Parse(this[name], CultureInfo.InvariantCulture);
}
