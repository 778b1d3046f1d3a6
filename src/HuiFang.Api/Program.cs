using HuiFang.Api.Domain.Common;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Features.ApiKeys;
using HuiFang.Api.Features.Customers;
using HuiFang.Api.Features.Escalations;
using HuiFang.Api.Features.Escalations.MonitorSla;
using HuiFang.Api.Features.Surveys;
using HuiFang.Api.Features.SurveyPage;
using HuiFang.Api.Features.Events;
using HuiFang.Api.Features.Feedback;
using HuiFang.Api.Features.Policies;
using HuiFang.Api.Features.Questionnaires;
using HuiFang.Api.Features.Reports;
using HuiFang.Api.Features.Reports.Dashboard;
using HuiFang.Api.Features.ServiceRecords;
using HuiFang.Api.Features.Tenants;
using HuiFang.Api.Services.Tenants;
using HuiFang.Api.Features.VisitTasks;
using HuiFang.Api.Infrastructure.Configuration;
using HuiFang.Api.Infrastructure.Health;
using HuiFang.Api.Infrastructure.Http;
using HuiFang.Api.Infrastructure.Idempotency;
using HuiFang.Api.Infrastructure.Logging;
using HuiFang.Api.Infrastructure.Messaging;
using HuiFang.Api.Infrastructure.OpenApi;
using HuiFang.Api.Infrastructure.Outbox;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Runtime;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Api.Infrastructure.Startup;
using HuiFang.Api.Services.Planning;
using HuiFang.Api.Services.Questionnaires;
using HuiFang.Api.Services.Customers;

if (args is ["healthcheck", ..])
{
    return await HealthProbe.RunAsync(args);
}

// `api-keys ...` is a command of the service, not host arguments: the host reads only its configuration.
var command = args is [ApiKeyCommandLine.Verb, ..] ? args[1..] : null;
var hostArgs = command is null ? args : [];
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = hostArgs,
    ContentRootPath = ContentRoot.Choose(hostArgs, Directory.GetCurrentDirectory(), AppContext.BaseDirectory, Environment.GetEnvironmentVariable),
});
ContentRoot.EnsureSettingsFile(builder.Environment.ContentRootPath, AppContext.BaseDirectory);
if (command is not null)
{
    // The command's answer (a new key) is stdout, for `KEY=$(… api-keys create …)`; every log line goes to stderr.
    builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
}

// Logs: a survey link's token (its path) is written as /s/{token} by every provider, in scopes and messages.
builder.Logging.RedactSurveyLinks();

// Settings, each validated at start-up: a wrong one stops the service and names itself.
builder.Services.AddHuiFangOptions(builder.Configuration);

// Storage and messaging: SQLite + in-memory bus (embedded) or PostgreSQL + RabbitMQ (production).
var database = builder.Services.AddHuiFangDatabase(builder.Configuration, builder.Environment.ContentRootPath);
var bus = builder.Services.AddHuiFangMessaging(builder.Configuration);

// Integration events: written to the outbox with the change, published by the dispatcher, readable as a feed.
builder.Services.AddHuiFangOutbox(builder.Configuration);

// Use cases: Mediator handlers behind validation, then a transaction (commands) or a report's read (reports).
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddScoped<AuditTrail>();
builder.Services.AddScoped<TenantSettings>();
builder.Services.AddScoped<HuiFang.Api.Services.Changes.VersionedChange>();
builder.Services.AddScoped<VisitTaskPlanner>();
builder.Services.AddScoped<QuestionnaireCatalog>();
builder.Services.AddDomainEventRecorder<VisitTaskRecorder>();
builder.Services.AddDomainEventRecorder<FeedbackRecorder>();
builder.Services.AddDomainEventRecorder<ApiKeyRecorder>();
builder.Services.AddHuiFangCustomers();
builder.Services.AddDomainEventRecorder<QuestionnaireRecorder>();

// The closed loop: feedback, escalations under SLAs, revisits, and the SLA monitor that watches the clocks.
builder.Services.AddHuiFangEscalations(builder.Configuration);

// Survey invitations: links the customer answers from, their policy, and the monitor that reminds and expires.
builder.Services.AddHuiFangSurveys(builder.Configuration);
builder.Services.AddSurveyPage(builder.Configuration);
builder.Services.AddDashboard();
builder.Services.AddMediator(options =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.PipelineBehaviors = [typeof(ValidationBehavior<,>), typeof(TransactionBehavior<,>), typeof(ReportPlanBehavior<,>)];
});
// Singletons: a validator is stateless once built, and building one (expression trees, display names)
// cost more than the request it checked when it was made per request (bench/results, 2026-12-01).
builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton);

// Callers: API keys and bearer tokens, scopes, tenants, rate and size limits, idempotent retries.
builder.Services.AddHuiFangSecurity(builder.Configuration);
builder.Services.AddHuiFangIdempotency();

// HTTP: JSON rules, problem responses, languages, health, OpenAPI.
builder.Services.AddHuiFangHttp();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
builder.Services.AddHuiFangOpenApi();

// Memory a burst left behind goes back to the system once the service is quiet again.
builder.Services.AddHuiFangMemoryTrim(builder.Configuration);

var app = builder.Build();

if (command is not null)
{
    await app.Services.PrepareDatabaseAsync();
    return await ApiKeyCommandLine.RunAsync(app.Services, command, Console.Out, Console.Error);
}

// Compression outermost, so that every body that is worth it leaves compressed (docs, lists, reports,
// problems); then localization, so that problems written by the handlers below speak the caller's language.
app.UseResponseCompression();
app.UseRequestLocalization();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestShapeLimits();
app.UseRequestBodyLimit();
app.UseIdempotencyBuffering();

// API docs are static files served before any credential is asked for: a newcomer has no key yet.
app.UseSwaggerUI(o =>
{
    o.SwaggerEndpoint(OpenApiSetup.DocumentPath, "HuiFang API v1");
    o.RoutePrefix = "swagger";
    o.DocumentTitle = "HuiFang API";
    o.EnableDeepLinking();
    o.DisplayRequestDuration();
    o.EnablePersistAuthorization();
});

// Who is calling, how often, and whether they may: authentication first so the rate limiter can
// partition by caller, then the body is read in full (a slow sender holds no turn of the concurrency
// limit), authorization last so a throttled caller costs no scope check.
app.UseAuthentication();
app.UseRateLimiter();
app.UseBodyBuffering();
app.UseConcurrencyLimit();
app.UseAuthorization();

// Text every provider stores and enum values that name one member, also outside JSON bodies.
app.UseRequestInputRules();

app.MapOpenApi(OpenApiSetup.DocumentPath).AllowAnonymous();
app.MapAsyncApi();
app.MapGet("/", () => Results.Redirect("/swagger")).ExcludeFromDescription().AllowAnonymous();
app.MapHuiFangHealth();
app.MapServiceRecords();
app.MapVisitTasks();
app.MapFeedback();
app.MapQuestionnaires();
app.MapEscalations();
app.MapPolicies();
app.MapCustomers();
app.MapSurveyInvitations();
app.MapApiKeys();
app.MapTenantSettings();
app.MapEvents();
app.MapReports();
app.MapSurveyPage();
app.MapDashboard();

await app.Services.PrepareDatabaseAsync();
await BootstrapKey.EnsureAsync(app.Services, app.Environment, database, Console.Out);
app.LogStartupBanner(database, bus, await BootstrapKey.FirstKeyHintAsync(app.Services));
await app.RunAsync();
return 0;

/// <summary>The entry point; public so that integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
