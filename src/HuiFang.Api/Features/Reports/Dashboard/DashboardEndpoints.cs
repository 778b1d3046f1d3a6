using System.Globalization;
using System.Security.Claims;
using System.Text;
using HuiFang.Api.Common;
using HuiFang.Api.Infrastructure.Http;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Api.Services.Tenants;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace HuiFang.Api.Features.Reports.Dashboard;

/// <summary>
/// <c>/dashboard</c>: the supervisors' and managers' page, served by the service itself. People sign in with an API key
/// holding <c>reports:read</c> (or a bearer token when bearer tokens are on) and get a server-side session
/// (<see cref="DashboardSessions"/>); the figures are the JSON reports' own Mediator queries. Not in the OpenAPI
/// document: its answers are HTML pages for people. Every answer carries the headers of <see cref="SecureHeaders"/>.
/// </summary>
public static class DashboardEndpoints
{
    public const string Route = DashboardSessions.Path;

    /// <summary>The sign-in form is a key or a token and an antiforgery token: a few KiB at most.</summary>
    public const int MaxFormBytes = 32 * 1024;

    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddPageAntiforgery(new PageAntiforgery.Page(Route, "hf-dashboard-af"));
        services.AddScoped<DashboardData>();
        services.TryAddScoped<IDashboardQualityReports, QualityReports>();
        return services;
    }

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Route).ExcludeFromDescription().AllowAnonymous().WithMetadata(new InputProblemPage(InputProblemAsync));
        group.MapGet("", ShowAsync);
        group.MapPost("/sign-in", SignInAsync);
        group.MapPost("/sign-out", SignOutAsync);
        group.MapGet("/unsatisfied", DashboardDrillDown.UnsatisfiedAsync);
        group.MapGet("/feedback", DashboardDrillDown.FeedbackAsync);
        group.MapGet("/escalations", DashboardDrillDown.EscalationsAsync);
        group.MapGet("/invitations", DashboardDrillDown.InvitationsAsync);
        group.MapGet("/reviews", DashboardDrillDown.ReviewsAsync);
        group.MapGet("/spot-checks", DashboardDrillDown.SpotChecksAsync);
        group.MapGet("/corrective-actions", DashboardDrillDown.CorrectiveActionsAsync);
        return app;
    }

    private static async Task ShowAsync(HttpContext http, DashboardSessions sessions, CurrentCaller current, DashboardData data, TenantSettings tenant, TimeProvider clock,
        HuiFangDbContext db, IAntiforgery antiforgery, IOptions<DashboardOptions> options, CancellationToken ct)
    {
        var (lang, explicitLanguage) = Language(http);
        if (!await AcceptsHtmlAsync(http))
        {
            return;
        }

        var caller = await SessionAsync(http, sessions, current, ct);
        if (caller is null)
        {
            var ended = http.Request.Cookies.ContainsKey(DashboardSessions.CookieName(http.Request));
            await SignInPageAsync(http, antiforgery, options, lang, explicitLanguage, StatusCodes.Status200OK, ended ? "signIn.ended" : null);
            return;
        }

        var calendar = await tenant.GetCalendarAsync(ct);
        var (filter, errors) = DashboardFilter.Read(http.Request.Query, calendar, clock.GetUtcNow(), lang, explicitLanguage);
        if (filter is null)
        {
            await BadRequestAsync(http, lang, errors);
            return;
        }

        var sections = await data.LoadAsync(filter, ct);
        if (!sections.IsSuccess)
        {
            await BadRequestAsync(http, lang, ErrorTexts(sections.Error!));
            return;
        }

        var viewer = await ViewerAsync(http, db, caller, antiforgery, ct);
        await WriteAsync(http, StatusCodes.Status200OK, DashboardPages.Dashboard(filter, viewer, sections.Value), lang);
    }

    private static async Task SignInAsync(HttpContext http, DashboardSessions sessions, IAntiforgery antiforgery, IOptions<DashboardOptions> options, CancellationToken ct)
    {
        var (lang, explicitLanguage) = Language(http);
        http.User = Anonymous;
        var form = await ReadFormAsync(http, lang, ct);
        if (form is null)
        {
            return;
        }

        (lang, explicitLanguage) = DashboardTexts.Normalize(form["lang"].FirstOrDefault()) is { } chosen ? (chosen, true) : (lang, explicitLanguage);
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            await WriteAsync(http, StatusCodes.Status400BadRequest, DashboardPages.Notice(lang, "stale", "stale.title", "stale.body"), lang);
            return;
        }

        var credentials = form["credential"];
        var outcome = await sessions.SignInAsync(http, credentials.Count == 1 ? credentials[0] : null, ct);
        if (outcome.Failure is { } failure)
        {
            var (status, key) = failure switch
            {
                DashboardSignInFailure.Missing => (StatusCodes.Status400BadRequest, "signIn.missing"),
                DashboardSignInFailure.InsufficientScope => (StatusCodes.Status403Forbidden, "signIn.insufficient"),
                _ => (StatusCodes.Status401Unauthorized, "signIn.invalid"),
            };
            await SignInPageAsync(http, antiforgery, options, lang, explicitLanguage, status, key);
            return;
        }

        sessions.WriteCookie(http.Response, http.Request, outcome.Secret!, outcome.ExpiresAt);
        SeeOther(http, Route + (explicitLanguage ? "?lang=" + lang : ""));
    }

    private static async Task SignOutAsync(HttpContext http, DashboardSessions sessions, CurrentCaller current, IAntiforgery antiforgery, CancellationToken ct)
    {
        var (lang, _) = Language(http);
        if (await SessionAsync(http, sessions, current, ct) is null)
        {
            // Nothing to end: the session is gone already (expired, revoked, signed out elsewhere).
            DashboardSessions.ForgetCookie(http.Response, http.Request);
            SeeOther(http, Route);
            return;
        }

        if (await ReadFormAsync(http, lang, ct) is null)
        {
            return;
        }

        if (!await antiforgery.IsRequestValidAsync(http))
        {
            await WriteAsync(http, StatusCodes.Status400BadRequest, DashboardPages.Notice(lang, "stale", "stale.title", "stale.body"), lang);
            return;
        }

        await sessions.SignOutAsync(http, ct);
        SeeOther(http, Route);
    }

    /// <summary>The request's session: the caller it stands for becomes the request's (and its tenant the only one visible), or null.</summary>
    internal static async Task<Caller?> SessionAsync(HttpContext http, DashboardSessions sessions, CurrentCaller current, CancellationToken ct)
    {
        // Whatever else the request carried (an X-Api-Key, a bearer token), the pages act only for their session.
        http.User = Anonymous;
        var caller = await sessions.FindAsync(http, ct);
        if (caller is null)
        {
            return null;
        }

        http.User = new ClaimsPrincipal(HuiFangClaims.CreateIdentity(caller, "Dashboard"));
        current.Set(caller);
        return caller;
    }

    private static ClaimsPrincipal Anonymous => new(new ClaimsIdentity());

    internal static async Task<DashboardViewer> ViewerAsync(HttpContext http, HuiFangDbContext db, Caller caller, IAntiforgery antiforgery, CancellationToken ct)
    {
        var name = await db.Tenants.AsNoTracking().Where(t => t.Id == caller.TenantId).Select(t => t.Name).FirstOrDefaultAsync(ct);
        return new DashboardViewer(caller.TenantId, string.IsNullOrWhiteSpace(name) ? caller.TenantId : name, caller.Name, antiforgery.GetAndStoreTokens(http).RequestToken!);
    }

    internal static (string Language, bool Explicit) Language(HttpContext http) =>
        DashboardTexts.For(http.Request.Query["lang"].FirstOrDefault(), CultureInfo.CurrentUICulture);

    private static Task SignInPageAsync(HttpContext http, IAntiforgery antiforgery, IOptions<DashboardOptions> options, string lang, bool explicitLanguage, int status, string? errorKey)
    {
        http.User = Anonymous;
        var token = antiforgery.GetAndStoreTokens(http).RequestToken!;
        return WriteAsync(http, status, DashboardPages.SignIn(lang, explicitLanguage, token, errorKey, options.Value.SessionHours), lang);
    }

    /// <summary>Reads a POSTed form within the page's limits, or answers the page that says why not (and returns null).</summary>
    private static async Task<IFormCollection?> ReadFormAsync(HttpContext http, string lang, CancellationToken ct)
    {
        if (!PageAcceptsHtml(http.Request))
        {
            await NotAcceptableAsync(http);
            return null;
        }

        if (http.Request.ContentLength > MaxFormBytes)
        {
            await WriteAsync(http, StatusCodes.Status413PayloadTooLarge, DashboardPages.Notice(lang, "too-large", "tooLarge.title", "tooLarge.body"), lang);
            return null;
        }

        if (!http.Request.HasFormContentType)
        {
            await WriteAsync(http, StatusCodes.Status415UnsupportedMediaType, DashboardPages.Notice(lang, "unsupported", "unsupported.title", "unsupported.body"), lang);
            return null;
        }

        try
        {
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = MaxFormBytes;
            }

            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions
            {
                ValueLengthLimit = MaxFormBytes,
                MultipartBodyLengthLimit = MaxFormBytes,
                MultipartHeadersLengthLimit = 4096,
                ValueCountLimit = 16,
                KeyLengthLimit = 64,
            }));
            return await http.Request.ReadFormAsync(ct);
        }
        catch (InvalidDataException e) when (e.Message.Contains("invalid characters", StringComparison.OrdinalIgnoreCase))
        {
            await BadRequestAsync(http, lang, [DashboardTexts.Get(lang, "bad.value")]);
            return null;
        }
        catch (Exception e) when (e is InvalidDataException || (e is BadHttpRequestException bad && bad.StatusCode == StatusCodes.Status413PayloadTooLarge))
        {
            await WriteAsync(http, StatusCodes.Status413PayloadTooLarge, DashboardPages.Notice(lang, "too-large", "tooLarge.title", "tooLarge.body"), lang);
            return null;
        }
    }

    /// <summary>Input the service's rules refuse before the page sees it (a NUL in the query string): a 400 page, not a JSON problem.</summary>
    private static Task InputProblemAsync(HttpContext http, IReadOnlyDictionary<string, string[]> errors)
    {
        var (lang, _) = Language(http);
        return BadRequestAsync(http, lang, [DashboardTexts.Get(lang, "bad.value")]);
    }

    internal static Task BadRequestAsync(HttpContext http, string lang, IReadOnlyList<string> errors) =>
        WriteAsync(http, StatusCodes.Status400BadRequest, DashboardPages.Notice(lang, "bad-request", "bad.title", "bad.body", errors), lang);

    /// <summary>A report's own validation messages (a query the page built from its filters that the report refused).</summary>
    internal static IReadOnlyList<string> ErrorTexts(HuiFang.Api.Domain.Common.Error error)
    {
        var problem = error.ToProblemDetails();
        return problem is Microsoft.AspNetCore.Http.HttpValidationProblemDetails v && v.Errors.Count > 0
            ? [.. v.Errors.SelectMany(e => e.Value.Select(m => e.Key + ": " + m))]
            : [problem.Detail ?? problem.Title ?? error.Code];
    }

    /// <summary>Whether the client takes HTML (no Accept, or one that lists text/html, application/xhtml+xml, text/* or */*).</summary>
    internal static bool PageAcceptsHtml(HttpRequest request)
    {
        var accept = request.Headers.Accept;
        if (accept.Count == 0)
        {
            return true;
        }

        return MediaTypeHeaderValue.TryParseList(accept, out var types) && types.Any(t => t.Quality is not 0 && (t.MatchesAllTypes
            || t.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)
            || t.MediaType.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase)
            || t.MediaType.Equals("text/*", StringComparison.OrdinalIgnoreCase)));
    }

    internal static async Task<bool> AcceptsHtmlAsync(HttpContext http)
    {
        if (PageAcceptsHtml(http.Request))
        {
            return true;
        }

        await NotAcceptableAsync(http);
        return false;
    }

    private static Task NotAcceptableAsync(HttpContext http)
    {
        SecureHeaders(http.Response);
        return Problems.WriteAsync(http, StatusCodes.Status406NotAcceptable, "not-acceptable", "dashboard.notAcceptable.title", Messages.Get("dashboard.notAcceptable.detail"));
    }

    private static void SeeOther(HttpContext http, string location)
    {
        SecureHeaders(http.Response);
        http.Response.StatusCode = StatusCodes.Status303SeeOther;
        http.Response.Headers.Location = location;
    }

    /// <summary>The headers of every answer: a CSP without unsafe-inline (the one style sheet by its hash, no script), no framing, no caching.</summary>
    public static void SecureHeaders(HttpResponse response)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = DashboardStyles.ContentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        headers["X-Robots-Tag"] = "noindex, nofollow";

        // A tenant's figures and a form's antiforgery token: no cache, shared or private, keeps either.
        headers.CacheControl = "no-store";
        headers.Pragma = "no-cache";
    }

    internal static async Task WriteAsync(HttpContext http, int status, string html, string language)
    {
        var response = http.Response;
        response.StatusCode = status;
        SecureHeaders(response);
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.ContentLanguage = language;
        response.Headers.Vary = "Accept, Accept-Language, Cookie";
        var bytes = Encoding.UTF8.GetBytes(html);
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, http.RequestAborted);
    }
}
