using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HuiFang.Api.Infrastructure.Health;

public static class HealthEndpoints
{
    /// <summary>
    /// Checks with this tag show their data in the (anonymous) report. Others keep theirs: MassTransit's,
    /// for one, lists internal endpoint addresses nobody outside needs.
    /// </summary>
    public const string DetailTag = "detail";

    /// <summary>
    /// /health/live answers while the process can serve requests (no dependency is checked);
    /// /health/ready checks the database (503 when down), the bus and the outbox (Degraded, still 200, when
    /// the broker is down: writes go on and events wait); the outbox check's data holds the backlog.
    /// </summary>
    public static IEndpointRouteBuilder MapHuiFangHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteAsync }).AllowAnonymous();
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            totalDurationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new
                {
                    status = e.Value.Status.ToString(),
                    description = e.Value.Description,
                    durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
                    data = e.Value.Tags.Contains(DetailTag) && e.Value.Data.Count > 0 ? e.Value.Data : null,
                }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
