using HuiFang.Api.Common;
using System.Text.Json;
using HuiFang.Api.Domain.Tenants;
using HuiFang.Api.Infrastructure.Configuration;

using HuiFang.Api.Services.Tenants;
namespace HuiFang.Api.Features.Tenants;

/// <summary>A tenant's settings.</summary>
/// <param name="Id">Tenant id (as in API keys and the token's tenant claim).</param>
/// <param name="Name">Display name.</param>
/// <param name="Calendar">The tenant's own business calendar, or null when it uses the service's default.</param>
/// <param name="UpdatedAt">When the name or the calendar last changed.</param>
/// <param name="Version">Incremented on every change of the name or the calendar (the policies have versions of their own); the ETag is this number in quotes.</param>
public sealed record TenantSettingsResponse(string Id, string Name, CalendarSettings? Calendar, DateTimeOffset UpdatedAt, int Version) : IVersioned
{
    public static TenantSettingsResponse From(Tenant t) => new(
        t.Id,
        t.Name,
        t.CalendarJson is null ? null : CalendarSettings.From(JsonSerializer.Deserialize<CalendarOptions>(t.CalendarJson, TenantSettings.CalendarJson)!),
        t.UpdatedAt,
        t.Version);
}

/// <summary>A business calendar: the working time that due dates and SLAs are counted in.</summary>
/// <param name="TimeZone">IANA time zone id, e.g. Asia/Shanghai.</param>
/// <param name="WorkingDays">Working weekdays.</param>
/// <param name="WorkingHours">Working intervals of a working day, "HH:mm-HH:mm".</param>
/// <param name="Holidays">Public holidays: "yyyy-MM-dd" or "yyyy-MM-dd..yyyy-MM-dd".</param>
/// <param name="MakeUpWorkdays">Make-up working days (调休) on weekends: "yyyy-MM-dd" or a range.</param>
public sealed record CalendarSettings(
    [property: System.ComponentModel.DataAnnotations.Required] string? TimeZone,
    [property: System.ComponentModel.DataAnnotations.Required] IReadOnlyList<DayOfWeek>? WorkingDays,
    [property: System.ComponentModel.DataAnnotations.Required] IReadOnlyList<string>? WorkingHours,
    IReadOnlyList<string>? Holidays = null,
    IReadOnlyList<string>? MakeUpWorkdays = null)
{
    public static CalendarSettings From(CalendarOptions o) => new(o.TimeZone, o.WorkingDays, o.WorkingHours, o.Holidays, o.MakeUpWorkdays);

    public CalendarOptions ToOptions() => new()
    {
        TimeZone = TimeZone ?? "",
        WorkingDays = [.. WorkingDays ?? []],
        WorkingHours = [.. WorkingHours ?? []],
        Holidays = [.. Holidays ?? []],
        MakeUpWorkdays = [.. MakeUpWorkdays ?? []],
    };
}
