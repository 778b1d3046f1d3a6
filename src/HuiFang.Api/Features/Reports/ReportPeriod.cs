using System.Globalization;
using System.Linq.Expressions;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Calendar;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Infrastructure.OpenApi;
using Microsoft.AspNetCore.Mvc;

namespace HuiFang.Api.Features.Reports;

/// <summary>How report rows are grouped.</summary>
public enum ReportGroupBy
{
    /// <summary>One row for the whole period.</summary>
    None,

    /// <summary>ISO weeks (Monday to Sunday) in the tenant's time zone, e.g. 2026-W48.</summary>
    Week,

    /// <summary>Calendar months in the tenant's time zone, e.g. 2026-11.</summary>
    Month,

    Department,

    Assignee,

    ServiceType,

    Channel,
}

/// <summary>The query string every report takes.</summary>
/// <param name="From">First day of the period (tenant-local date, e.g. 2026-11-01).</param>
/// <param name="To">Last day of the period, inclusive; at most 366 days after from.</param>
/// <param name="GroupBy">week, month, department, assignee, serviceType or channel; omit for one row.</param>
/// <param name="Format">json (default) or csv; an Accept header of text/csv also gives CSV.</param>
/// <param name="SplitBy">channel: split every row by the channel of the visit (where the report offers it); omit for rows as they are.</param>
/// <param name="Department">Only this department (exact, at most 64 characters; where the report offers it); omit or leave empty for every department.</param>
/// <remarks>
/// The names are the documented lower-case ones. from and to are required (the validator answers 400 without
/// them): the OpenAPI document says so, while the binding stays optional so that the validator, not the
/// binder, words the problem.
/// </remarks>
public sealed record ReportParameters(
    [FromQuery(Name = "from"), DocumentedAsRequired] DateOnly? From,
    [FromQuery(Name = "to"), DocumentedAsRequired] DateOnly? To,
    [FromQuery(Name = "groupBy")] string? GroupBy,
    [FromQuery(Name = "format")] string? Format,
    [FromQuery(Name = "splitBy")] string? SplitBy = null,
    [FromQuery(Name = "department")] string? Department = null);

/// <summary>A validated period in the tenant's calendar: [<see cref="Start"/>, <see cref="End"/>) in UTC.</summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To, DateTimeOffset Start, DateTimeOffset End, string TimeZone)
{
    public const int MaxDays = 366;

    public static ReportPeriod Of(DateOnly from, DateOnly to, BusinessCalendar calendar) =>
        new(from, to, calendar.ToInstant(from, TimeOnly.MinValue), calendar.ToInstant(to.AddDays(1), TimeOnly.MinValue), calendar.TimeZone.Id);

    /// <summary>The buckets of a week or month grouping: each label with its start (the first starts at the period's start).</summary>
    public IReadOnlyList<(string Label, DateTimeOffset Start)> Buckets(ReportGroupBy groupBy, BusinessCalendar calendar)
    {
        var buckets = new List<(string, DateTimeOffset)>();
        var day = groupBy == ReportGroupBy.Week
            ? From.AddDays(-(((int)From.DayOfWeek + 6) % 7))
            : new DateOnly(From.Year, From.Month, 1);
        while (day <= To)
        {
            var label = groupBy == ReportGroupBy.Week
                ? $"{ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)):00}"
                : day.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            var start = day < From ? Start : calendar.ToInstant(day, TimeOnly.MinValue);
            buckets.Add((label, start));
            day = groupBy == ReportGroupBy.Week ? day.AddDays(7) : day.AddMonths(1);
        }

        return buckets;
    }
}

/// <summary>The columns a report's rows can be grouped by; a null member means the grouping is not offered.</summary>
public sealed record ReportDimensions<T>(
    Expression<Func<T, DateTimeOffset>> Time,
    Expression<Func<T, string?>>? Department,
    Expression<Func<T, string?>>? Assignee,
    Expression<Func<T, string?>>? ServiceType,
    Expression<Func<T, ContactChannel>>? Channel)
{
    public bool Offers(ReportGroupBy groupBy) => groupBy switch
    {
        ReportGroupBy.Department => Department is not null,
        ReportGroupBy.Assignee => Assignee is not null,
        ReportGroupBy.ServiceType => ServiceType is not null,
        ReportGroupBy.Channel => Channel is not null,
        _ => true,
    };

    /// <summary>
    /// The group key as an expression the database evaluates: a column, or for weeks and months a balanced
    /// CASE over the bucket starts (a handful of comparisons per row, whatever the number of buckets).
    /// </summary>
    public Expression<Func<T, string?>> KeyOf(ReportGroupBy groupBy, ReportPeriod period, BusinessCalendar calendar)
    {
        switch (groupBy)
        {
            case ReportGroupBy.Department:
                return Department!;
            case ReportGroupBy.Assignee:
                return Assignee!;
            case ReportGroupBy.ServiceType:
                return ServiceType!;
            case ReportGroupBy.Channel:
            {
                var parameter = Channel!.Parameters[0];
                Expression body = Expression.Constant(null, typeof(string));
                foreach (var channel in Enum.GetValues<ContactChannel>().Reverse())
                {
                    body = Expression.Condition(Expression.Equal(Channel.Body, Expression.Constant(channel)), Expression.Constant(channel.ToString(), typeof(string)), body);
                }

                return Expression.Lambda<Func<T, string?>>(body, parameter);
            }

            case ReportGroupBy.Week or ReportGroupBy.Month:
            {
                var buckets = period.Buckets(groupBy, calendar);
                var parameter = Time.Parameters[0];
                return Expression.Lambda<Func<T, string?>>(Bucket(Time.Body, buckets, 0, buckets.Count), parameter);
            }

            default:
                return Expression.Lambda<Func<T, string?>>(Expression.Constant("total", typeof(string)), Time.Parameters[0]);
        }
    }

    /// <summary>
    /// As <see cref="KeyOf(ReportGroupBy, ReportPeriod, BusinessCalendar)"/>, and when <paramref name="splitByChannel"/> the
    /// channel too, joined into one string the database groups by (<see cref="SplitKey"/> takes it apart again), so a
    /// split report is still one query with one GROUP BY.
    /// </summary>
    public Expression<Func<T, string?>> KeyOf(ReportGroupBy groupBy, ReportPeriod period, BusinessCalendar calendar, bool splitByChannel)
    {
        var key = KeyOf(groupBy, period, calendar);
        if (!splitByChannel)
        {
            return key;
        }

        var channel = KeyOf(ReportGroupBy.Channel, period, calendar);
        var parameter = key.Parameters[0];
        var channelBody = new ParameterSwap(channel.Parameters[0], parameter).Visit(channel.Body);
        var concat = typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string), typeof(string)])!;
        var body = Expression.Call(concat, Expression.Coalesce(key.Body, Expression.Constant("")), Expression.Constant(SplitKey.Separator), channelBody);
        return Expression.Lambda<Func<T, string?>>(body, parameter);
    }

    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    private static Expression Bucket(Expression time, IReadOnlyList<(string Label, DateTimeOffset Start)> buckets, int lo, int hi)
    {
        if (hi - lo == 1)
        {
            return Expression.Constant(buckets[lo].Label, typeof(string));
        }

        var mid = (lo + hi) / 2;
        return Expression.Condition(
            Expression.LessThan(time, Expression.Constant(buckets[mid].Start)),
            Bucket(time, buckets, lo, mid),
            Bucket(time, buckets, mid, hi));
    }
}

/// <summary>A group key of a report split by channel: the group and the channel, as the database grouped them.</summary>
public static class SplitKey
{
    public const string Separator = "\u001f";

    /// <summary>The group and the channel of a key built by a split; the key itself and null when it is not split.</summary>
    public static (string? Group, string? Channel) Parse(string? key, bool split)
    {
        if (!split || key is null)
        {
            return (key, null);
        }

        var at = key.LastIndexOf(Separator, StringComparison.Ordinal);
        return at < 0 ? (key, null) : (key[..at], key[(at + Separator.Length)..]);
    }
}

/// <summary>A report request once the endpoint has read the query string.</summary>
public interface IReportQuery
{
    DateOnly? From { get; }

    DateOnly? To { get; }

    ReportGroupBy GroupBy { get; }

    /// <summary>The department the report is limited to (<c>department=</c>); null for every department, and in reports that do not offer the filter.</summary>
    string? Department => null;
}

public static class ReportRules
{
    public static readonly string[] GroupByNames = ["week", "month", "department", "assignee", "serviceType", "channel"];

    public static readonly string[] SplitByNames = ["channel"];

    /// <summary>Parses splitBy: false when absent, true for channel, null for anything else (answered 400).</summary>
    public static bool? ParseSplitBy(string? text) =>
        string.IsNullOrEmpty(text) ? false
        : SplitByNames.Contains(text, StringComparer.OrdinalIgnoreCase) ? true
        : null;

    /// <summary>Parses groupBy; null for an unknown value (the validator names it).</summary>
    public static ReportGroupBy? ParseGroupBy(string? text) =>
        string.IsNullOrEmpty(text) ? ReportGroupBy.None
        : Enum.TryParse<ReportGroupBy>(text, ignoreCase: true, out var g) && g != ReportGroupBy.None && GroupByNames.Contains(text, StringComparer.OrdinalIgnoreCase) ? g
        : null;

    /// <summary>from and to present and ordered, the period at most <see cref="ReportPeriod.MaxDays"/> days, the grouping offered by the report.</summary>
    public static void PeriodRules<T>(this AbstractValidator<T> validator, Func<ReportGroupBy, bool> offers)
        where T : IReportQuery
    {
        validator.RuleFor(x => x.From).NotNull();
        validator.RuleFor(x => x.Department).MaximumLength(FieldLimits.Code)
            .Must(d => !string.IsNullOrWhiteSpace(d)).WithMessage(_ => Messages.Get("report.departmentBlank"))
            .When(x => x.Department is not null);
        validator.RuleFor(x => x.To).NotNull();
        validator.RuleFor(x => x.To)
            .Must((x, to) => to >= x.From).WithMessage(_ => Messages.Get("report.toBeforeFrom"))
            .When(x => x is { From: not null, To: not null });
        validator.RuleFor(x => x.To)
            .Must((x, to) => to!.Value.DayNumber - x.From!.Value.DayNumber < ReportPeriod.MaxDays)
            .WithMessage(_ => Messages.Get("report.periodTooLong", ReportPeriod.MaxDays))
            .When(x => x is { From: not null, To: not null });
        var offered = GroupByNames.Where(name => ParseGroupBy(name) is { } g && offers(g)).ToList();
        validator.RuleFor(x => x.GroupBy).Must(offers).WithMessage(x => Messages.Get(
            "report.groupByNotOffered",
            GroupByNames.FirstOrDefault(name => ParseGroupBy(name) == x.GroupBy) ?? x.GroupBy.ToString(),
            offered.Count == 0 ? "-" : string.Join(", ", offered)));
    }
}

internal static class KeyedProjection
{
    /// <summary>Projects each row to its group key and a value, so both come back in one query.</summary>
    public static Expression<Func<T, Keyed<TValue>>> Compose<T, TValue>(
        this Expression<Func<T, string?>> key, Expression<Func<T, TValue>> value)
    {
        var parameter = key.Parameters[0];
        var valueBody = new ParameterSwap(value.Parameters[0], parameter).Visit(value.Body);
        var body = Expression.MemberInit(
            Expression.New(typeof(Keyed<TValue>)),
            Expression.Bind(typeof(Keyed<TValue>).GetProperty(nameof(Keyed<TValue>.Key))!, key.Body),
            Expression.Bind(typeof(Keyed<TValue>).GetProperty(nameof(Keyed<TValue>.Value))!, valueBody));
        return Expression.Lambda<Func<T, Keyed<TValue>>>(body, parameter);
    }

    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

internal sealed class Keyed<TValue>
{
    public string? Key { get; init; }

    public TValue Value { get; init; } = default!;
}
