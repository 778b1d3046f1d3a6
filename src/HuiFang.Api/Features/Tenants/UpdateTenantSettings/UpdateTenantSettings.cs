using System.Text.Json;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Tenants;
using HuiFang.Api.Infrastructure.Configuration;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Tenants.UpdateTenantSettings;

/// <summary>Replace the caller's tenant's settings.</summary>
/// <param name="Name">Display name.</param>
/// <param name="Calendar">The tenant's own business calendar; null to use the service's default.</param>
public sealed record UpdateTenantSettingsRequest(string? Name, CalendarSettings? Calendar);

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

public sealed class UpdateTenantSettingsHandler(HuiFangDbContext db, ICurrentCaller caller, AuditTrail audit, TenantSettings settings, TimeProvider clock)
    : ICommandHandler<UpdateTenantSettings, Result<TenantSettingsResponse>>
{
    public async ValueTask<Result<TenantSettingsResponse>> Handle(UpdateTenantSettings command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var tenantId = caller.TenantId!;
        var tenant = await db.Tenants.FirstOrDefaultAsync(t => t.Id == tenantId, cancellationToken);
        if (tenant is null)
        {
            tenant = Tenant.Create(tenantId, tenantId, now);
            db.Tenants.Add(tenant);
        }

        if (command.IfMatch is not null && !command.IfMatch.Matches(tenant.Version))
        {
            return Error.PreconditionFailed("tenant.preconditionFailed", [ETags.For(tenant.Version)], tenant.Version);
        }

        var calendarJson = command.Calendar is null ? null : JsonSerializer.Serialize(command.Calendar.ToOptions(), TenantSettings.CalendarJson);
        tenant.Update(command.Name!, calendarJson, now);
        audit.Record(AuditSubjects.Tenant, tenantId, "settings-updated", tenant.Version, new { ownCalendar = calendarJson is not null });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Error(ErrorKind.Conflict, "concurrent-change", "tenant.concurrentChange", []);
        }

        settings.Forget(tenantId);
        return TenantSettingsResponse.From(tenant);
    }
}
