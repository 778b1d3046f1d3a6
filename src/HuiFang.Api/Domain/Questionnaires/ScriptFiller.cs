using System.Globalization;
using System.Text;

namespace HuiFang.Api.Domain.Questionnaires;

/// <summary>
/// Fills the placeholders of a call script for one task: <c>{serviceDate}</c> (the day of the service in the
/// tenant's time zone), <c>{serviceType}</c> and <c>{customer}</c>, the customer's masked salutation. The
/// salutation shows at most the surname (王先生/女士, Mr/Ms Smith): never the full name, never the phone.
/// </summary>
public static class ScriptFiller
{
    private static readonly string[] ChineseTitles = ["先生", "女士", "小姐", "老师", "总"];

    /// <summary>The text with each placeholder replaced; other braces stay as they are.</summary>
    public static string Fill(string text, string serviceDate, string serviceType, string customer) =>
        new StringBuilder(text)
            .Replace(CallScript.ServiceDatePlaceholder, serviceDate)
            .Replace(CallScript.ServiceTypePlaceholder, serviceType)
            .Replace(CallScript.CustomerPlaceholder, customer)
            .ToString();

    /// <summary>The day of <paramref name="at"/> in <paramref name="zone"/>, as people say it: 2026年11月20日 / 20 November 2026.</summary>
    public static string ServiceDate(DateTimeOffset at, TimeZoneInfo zone, string language)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return LocalizedText.IsChinese(language)
            ? local.ToString("yyyy'年'M'月'd'日'", CultureInfo.InvariantCulture)
            : local.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// How the agent addresses the customer without saying their full name: a Chinese name gives its first
    /// character (the surname) and the title the name already carries, or 先生/女士; a name in Latin letters gives
    /// its last word. No usable name (empty, erased) gives 先生/女士 or Sir/Madam.
    /// </summary>
    public static string Salutation(string? name, string language)
    {
        var chinese = LocalizedText.IsChinese(language);
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.StartsWith('['))
        {
            return chinese ? "先生/女士" : "Sir/Madam";
        }

        if (IsHan(trimmed[0]))
        {
            var surname = char.IsSurrogate(trimmed[0]) && trimmed.Length > 1 ? trimmed[..2] : trimmed[..1];
            var title = ChineseTitles.FirstOrDefault(t => trimmed.Length > t.Length && trimmed.EndsWith(t, StringComparison.Ordinal));
            return chinese ? surname + (title ?? "先生/女士") : "Mr/Ms " + surname;
        }

        var words = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var last = words[^1];
        if (last.Any(char.IsDigit) || last.Contains('@'))
        {
            return chinese ? "先生/女士" : "Sir/Madam";
        }

        return chinese ? last + "先生/女士" : "Mr/Ms " + last;
    }

    private static bool IsHan(char c) => c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' || char.IsHighSurrogate(c);
}
