using HuiFang.Api.Common;
using HuiFang.Api.Features.Tenants.UpdateTenantSettings;
using HuiFang.Api.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Get = HuiFang.Api.Features.Tenants.GetTenantSettings.GetTenantSettings;
using Update = HuiFang.Api.Features.Tenants.UpdateTenantSettings.UpdateTenantSettings;

namespace HuiFang.Api.Features.Tenants;

public static class TenantEndpoints
{
    public const string Route = "/api/v1/admin/tenant";

    public static IEndpointRouteBuilder MapTenantSettings(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Route).WithTags("Administration");

        group.MapGet("/", GetAsync)
            .WithName("GetTenantSettings")
            .WithSummary("Get the tenant's settings")
            .WithDescription("The caller's tenant: its name and its own business calendar (null: the service's default calendar is used). The ETag carries the settings' version — of the name and calendar only: the escalation and follow-up policies have versions of their own (If-None-Match → 304; If-Match on PUT).")
            .Produces<TenantSettingsResponse>()
            .Produces(StatusCodes.Status304NotModified)
            .RequireScope(Scopes.Admin);

        group.MapPut("/", UpdateAsync)
            .WithName("UpdateTenantSettings")
            .WithSummary("Replace the tenant's settings")
            .WithDescription("""
                Sets the name and the business calendar that due dates and SLAs of this tenant are computed
                in (new tasks use it at once). Send `calendar: null` to return to the service's default.
                Honours If-Match (412 when the settings changed since you read them).
                """)
            .Produces<TenantSettingsResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .RequireScope(Scopes.Admin);

        return app;
    }

    private static async Task<Results<Ok<TenantSettingsResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetAsync(
        [FromHeader(Name = "If-None-Match")] string? ifNoneMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.Read(await mediator.Send(new Get(), ct), ifNoneMatch, http);

    private static Task<Results<Ok<TenantSettingsResponse>, ProblemHttpResult>> UpdateAsync(
        UpdateTenantSettingsRequest body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.ChangeAsync(ifMatch, http, precondition => mediator.Send(new Update(body.Name, body.Calendar, precondition), ct));
}
