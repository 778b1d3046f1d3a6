using System.Globalization;
using System.Text.RegularExpressions;

namespace HuiFang.Api.Domain.Reviews;

/// <summary>
/// An ISO week (Monday to Sunday) as the API spells it, <c>2026-W48</c>. Years 1900–2999; the week must exist in its
/// year (W53 only in years that have one).
/// </summary>
public readonly partial record struct ReviewWeek(int Year, int Number)
{
    /// <summary>The Monday the week starts on.</summary>
    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Number, DayOfWeek.Monday));

    /// <summary>The Monday after the week (its end, exclusive).</summary>
    public DateOnly NextMonday => Monday.AddDays(7);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-W{Number:00}");

    /// <summary>The ISO week <paramref name="date"/> falls in.</summary>
    public static ReviewWeek Of(DateOnly date)
    {
        var day = date.ToDateTime(TimeOnly.MinValue);
        return new ReviewWeek(ISOWeek.GetYear(day), ISOWeek.GetWeekOfYear(day));
    }

    /// <summary>Parses <c>YYYY-Www</c> exactly (upper-case W, two-digit week); false for anything else or a week the year does not have.</summary>
    public static bool TryParse(string? text, out ReviewWeek week)
    {
        week = default;
        if (text is null || !Pattern().IsMatch(text))
        {
            return false;
        }

        var year = int.Parse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture);
        var number = int.Parse(text.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture);
        if (year is < 1900 or > 2999 || number < 1 || number > ISOWeek.GetWeeksInYear(year))
        {
            return false;
        }

        week = new ReviewWeek(year, number);
        return true;
    }

    [GeneratedRegex("^[0-9]{4}-W[0-9]{2}$", RegexOptions.CultureInvariant, 100)]
    private static partial Regex Pattern();
}
