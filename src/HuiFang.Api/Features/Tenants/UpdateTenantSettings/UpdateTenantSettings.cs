using HuiFang.Api.Domain.Common;
using System.Text.Json;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Tenants;
using HuiFang.Api.Infrastructure.Configuration;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Api.Services.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Tenants.UpdateTenantSettings;

/// <summary>Replace the caller's tenant's settings.</summary>
/// <param name="Name">Display name.</param>
/// <param name="Calendar">The tenant's own business calendar; null to use the service's default.</param>
public sealed record UpdateTenantSettingsRequest([property: System.ComponentModel.DataAnnotations.Required] string? Name, CalendarSettings? Calendar = null);

public sealed record UpdateTenantSettings(string? Name, CalendarSettings? Calendar, IfMatch? IfMatch = null) : ICommand<Result<TenantSettingsResponse>>, ITransactional;

public sealed class UpdateTenantSettingsValidator : AbstractValidator<UpdateTenantSettings>
{
    public UpdateTenantSettingsValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(FieldLimits.Name);
        RuleFor(x => x.Calendar!.Holidays).Must(h => h is null || h.Count <= 500).When(x => x.Calendar is not null)
            .WithMessage(_ => Messages.Get("validation.range", 0, 500));
        RuleFor(x => x.Calendar!.MakeUpWorkdays).Must(h => h is null || h.Count <= 500).When(x => x.Calendar is not null)
            .WithMessage(_ => Messages.Get("validation.range", 0, 500));
        RuleFor(x => x.Calendar!.WorkingHours).Must(h => h is null || h.Count <= 24).When(x => x.Calendar is not null)
            .WithMessage(_ => Messages.Get("validation.range", 0, 24));

        // Stored as JSON in a column of its own size: one too long would be refused by the database itself.
        RuleFor(x => x.Calendar)
            .Must(c => c is null || JsonSerializer.Serialize(c.ToOptions(), TenantSettings.CalendarJson).Length <= FieldLimits.CalendarJson)
            .WithMessage(_ => Messages.Get("validation.calendarTooLarge", FieldLimits.CalendarJson));

        // The same checks as the service's own calendar setting, reported against the request's field.
        RuleFor(x => x.Calendar).Custom((calendar, context) =>
        {
            if (calendar is null)
            {
                return;
            }

            var result = new CalendarOptionsValidator().Validate(null, calendar.ToOptions());
            foreach (var failure in result.Failures ?? [])
            {
                context.AddFailure("calendar", failure.Replace(CalendarOptions.Section + ":", "calendar.", StringComparison.Ordinal));
            }
        });
    }
}

public sealed class UpdateTenantSettingsHandler(TenantSettings settings) : ICommandHandler<UpdateTenantSettings, Result<TenantSettingsResponse>>
{
    public async ValueTask<Result<TenantSettingsResponse>> Handle(UpdateTenantSettings command, CancellationToken cancellationToken)
    {
        var calendarJson = command.Calendar is null ? null : JsonSerializer.Serialize(command.Calendar.ToOptions(), TenantSettings.CalendarJson);
        var changed = await settings.ChangeAsync(
            command.IfMatch,
            t => t.Version,
            (tenant, now) =>
            {
                tenant.Update(command.Name!, calendarJson, now);
                return ("settings-updated", new { ownCalendar = calendarJson is not null });
            },
            cancellationToken);
        return changed.Map(TenantSettingsResponse.From);
    }
}
