using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Features.VisitTasks;
using HuiFang.Api.Infrastructure.Configuration;
using HuiFang.Api.Infrastructure.Health;
using HuiFang.Api.Infrastructure.Http;
using HuiFang.Api.Infrastructure.Messaging;
using HuiFang.Api.Infrastructure.OpenApi;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Startup;

if (args is ["healthcheck", ..])
{
    return await HealthProbe.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);

// Settings, each validated at start-up: a wrong one stops the service and names itself.
builder.Services.AddHuiFangOptions(builder.Configuration);

// Storage and messaging: SQLite + in-memory bus (embedded) or PostgreSQL + RabbitMQ (production).
var database = builder.Services.AddHuiFangDatabase(builder.Configuration, builder.Environment.ContentRootPath);
var bus = builder.Services.AddHuiFangMessaging(builder.Configuration);

// Use cases: Mediator handlers behind validation, then a transaction.
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddMediator(options =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.PipelineBehaviors = [typeof(ValidationBehavior<,>), typeof(TransactionBehavior<,>)];
});
builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Scoped);

// HTTP: JSON rules, problem responses, languages, health, OpenAPI.
builder.Services.AddHuiFangHttp();
builder.Services.AddHealthChecks().AddDbContextCheck<HuiFangDbContext>("database", tags: ["ready"]);
builder.Services.AddHuiFangOpenApi();

var app = builder.Build();

// Localization first, so that problems written by the handlers below speak the caller's language.
app.UseRequestLocalization();
app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapOpenApi(OpenApiSetup.DocumentPath);
app.UseSwaggerUI(o =>
{
    o.SwaggerEndpoint(OpenApiSetup.DocumentPath, "HuiFang API v1");
    o.RoutePrefix = "swagger";
    o.DocumentTitle = "HuiFang API";
    o.EnableDeepLinking();
    o.DisplayRequestDuration();
});
app.MapGet("/", () => Results.Redirect("/swagger")).ExcludeFromDescription();
app.MapHuiFangHealth();
app.MapVisitTasks();

await app.Services.PrepareDatabaseAsync();
app.LogStartupBanner(database, bus);
await app.RunAsync();
return 0;

/// <summary>The entry point; public so that integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
