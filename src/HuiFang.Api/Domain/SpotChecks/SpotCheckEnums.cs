namespace HuiFang.Api.Domain.SpotChecks;

/// <summary>Who checks (the levels of the quality loop): the record keeps the level, the report counts per level.</summary>
public enum SpotCheckLevel
{
    /// <summary>客服主管: the customer-service supervisor.</summary>
    Supervisor,

    /// <summary>项目经理: the project manager (monthly).</summary>
    ProjectManager,

    /// <summary>品质部: the quality department.</summary>
    QualityDepartment,

    /// <summary>区域总监: the regional director (half-yearly).</summary>
    RegionalDirector,
}

/// <summary>Open while picks wait for a judgment; Completed once the reviewer closed it with every pick judged.</summary>
public enum SpotCheckStatus
{
    Open,
    Completed,
}

/// <summary>A calendar month named <c>YYYY-MM</c> (e.g. <c>2026-11</c>), as spot-checks and the reports name months.</summary>
public readonly record struct SpotCheckMonth(int Year, int Month)
{
    /// <summary>Exactly four digits, a hyphen and two digits; month 01–12; year 1900–2999.</summary>
    public static bool TryParse(string? text, out SpotCheckMonth month)
    {
        month = default;
        if (text is not { Length: 7 } || text[4] != '-'
            || !text.AsSpan(0, 4).ContainsOnlyDigits() || !text.AsSpan(5, 2).ContainsOnlyDigits())
        {
            return false;
        }

        var year = int.Parse(text.AsSpan(0, 4), provider: System.Globalization.CultureInfo.InvariantCulture);
        var m = int.Parse(text.AsSpan(5, 2), provider: System.Globalization.CultureInfo.InvariantCulture);
        if (year is < 1900 or > 2999 || m is < 1 or > 12)
        {
            return false;
        }

        month = new SpotCheckMonth(year, m);
        return true;
    }

    public DateOnly FirstDay => new(Year, Month, 1);

    public override string ToString() => $"{Year:0000}-{Month:00}";
}

internal static class DigitSpans
{
    public static bool ContainsOnlyDigits(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return span.Length > 0;
    }
}
