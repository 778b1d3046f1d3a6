using System.Text;
using System.Text.RegularExpressions;

namespace HuiFang.Bench;

/// <summary>
/// Reads PostgreSQL's statement log (log_min_duration_statement = 0, default prefix) to recover the exact
/// statement and parameter values the API sent, so the baseline runs the report's own SQL.
/// </summary>
public static partial class PgLog
{
    /// <summary>The slowest executed statement whose text contains <paramref name="marker"/>, with its parameters.</summary>
    public static (string Sql, List<string?> Parameters)? SlowestStatement(string logPath, string marker)
    {
        var entries = new List<StringBuilder>();
        foreach (var line in File.ReadLines(logPath))
        {
            if (Prefix().IsMatch(line))
            {
                entries.Add(new StringBuilder(line));
            }
            else if (entries.Count > 0)
            {
                entries[^1].Append('\n').Append(line);
            }
        }

        (string Sql, List<string?> Parameters)? found = null;
        var slowest = -1.0;
        for (var i = 0; i < entries.Count; i++)
        {
            var text = entries[i].ToString();
            // "execute <unnamed>: " for a statement sent once, "execute _auto3: " once Npgsql has prepared it.
            var execute = Execute().Match(text);
            if (!execute.Success || !text.Contains(marker, StringComparison.Ordinal))
            {
                continue;
            }

            var duration = Duration().Match(text) is { Success: true } d ? double.Parse(d.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
            if (duration < slowest)
            {
                continue;
            }

            slowest = duration;
            var sql = text[(execute.Index + execute.Length)..];
            var parameters = i + 1 < entries.Count && entries[i + 1].ToString().Contains("DETAIL:  parameters: ", StringComparison.Ordinal)
                ? ParseParameters(entries[i + 1].ToString())
                : [];
            found = (sql, parameters);
        }

        return found;
    }

    /// <summary>A psql script: PREPARE the statement as the API sent it, then EXECUTE it <paramref name="times"/> times with \timing.</summary>
    public static string PsqlScript(string sql, List<string?> parameters, int times)
    {
        var arguments = string.Join(", ", parameters.Select(p => p is null ? "NULL" : "'" + p.Replace("'", "''", StringComparison.Ordinal) + "'"));
        var script = new StringBuilder();
        script.AppendLine("\\set ON_ERROR_STOP on");
        script.AppendLine("PREPARE report AS").Append(sql.TrimEnd().TrimEnd(';')).AppendLine(";");
        script.AppendLine("\\o /dev/null");
        script.AppendLine("\\timing on");
        for (var i = 0; i < times; i++)
        {
            script.AppendLine(parameters.Count == 0 ? "EXECUTE report;" : $"EXECUTE report({arguments});");
        }

        return script.ToString();
    }

    [GeneratedRegex(@" execute [^ :]+: ")]
    private static partial Regex Execute();

    private static List<string?> ParseParameters(string detail)
    {
        var text = detail[(detail.IndexOf("parameters: ", StringComparison.Ordinal) + "parameters: ".Length)..];
        var values = new List<string?>();
        var i = 0;
        while (i < text.Length)
        {
            var eq = text.IndexOf(" = ", i, StringComparison.Ordinal);
            if (eq < 0)
            {
                break;
            }

            i = eq + 3;
            if (text.AsSpan(i).StartsWith("NULL"))
            {
                values.Add(null);
                i += 4;
            }
            else
            {
                var value = new StringBuilder();
                i++; // opening quote
                while (i < text.Length)
                {
                    if (text[i] == '\'' && i + 1 < text.Length && text[i + 1] == '\'')
                    {
                        value.Append('\'');
                        i += 2;
                    }
                    else if (text[i] == '\'')
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        value.Append(text[i++]);
                    }
                }

                values.Add(value.ToString());
            }

            i = text.IndexOf(", $", i, StringComparison.Ordinal) is var next && next >= 0 ? next + 2 : text.Length;
        }

        return values;
    }

    [GeneratedRegex(@"duration: ([0-9.]+) ms")]
    private static partial Regex Duration();

    [GeneratedRegex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \w+ \[\d+\] ")]
    private static partial Regex Prefix();
}
