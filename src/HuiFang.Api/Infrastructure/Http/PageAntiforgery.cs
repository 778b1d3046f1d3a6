using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace HuiFang.Api.Infrastructure.Http;

/// <summary>
/// ASP.NET Core antiforgery for the service's HTML pages (the survey page <c>/s/…</c>, the dashboard
/// <c>/dashboard/…</c>). The framework has one antiforgery configuration per application, and one cookie; each page
/// wants its own cookie, sent only to its own path (a survey link's cookie has no business on the dashboard and the
/// other way round). The cookie's name and path therefore follow the request: a request under a page's path
/// prefix gets that page's cookie. Everything else is the framework's: the token in the form field
/// <see cref="FormField"/>, the cookie <c>HttpOnly</c> and <c>SameSite=Strict</c>, both protected by Data Protection
/// (<see cref="Security.DataProtectionSetup"/>). No header is read: the pages post plain forms.
/// </summary>
public static class PageAntiforgery
{
    /// <summary>The hidden form field every page's form carries its token in.</summary>
    public const string FormField = "__af";

    /// <summary>A page with forms: its path prefix and the name of its antiforgery cookie (sent to that path only).</summary>
    public sealed record Page(string PathPrefix, string CookieName);

    /// <summary>The pages registered so far; the first is the cookie used outside every page (it is never sent there).</summary>
    public sealed class Pages
    {
        public List<Page> All { get; } = [];
    }

    public static IServiceCollection AddPageAntiforgery(this IServiceCollection services, Page page)
    {
        services.Configure<Pages>(p => p.All.Add(page));
        if (services.Any(d => d.ServiceType == typeof(PageCookieBuilder)))
        {
            return services;
        }

        services.AddHttpContextAccessor();
        services.AddSingleton<PageCookieBuilder>();
        services.AddAntiforgery();
        services.AddOptions<AntiforgeryOptions>().Configure<PageCookieBuilder>((o, cookie) =>
        {
            o.Cookie = cookie;
            o.FormFieldName = FormField;
            o.HeaderName = null;

            // The pages send their own, stricter headers (DENY, and frame-ancestors 'none' in their policies).
            o.SuppressXFrameOptionsHeader = true;
        });
        return services;
    }

    /// <summary>The antiforgery cookie of the page the request is for: its name and its path.</summary>
    public sealed class PageCookieBuilder : CookieBuilder
    {
        private readonly IHttpContextAccessor _accessor;
        private readonly IOptions<Pages> _pages;

        public PageCookieBuilder(IHttpContextAccessor accessor, IOptions<Pages> pages)
        {
            _accessor = accessor;
            _pages = pages;
            SameSite = SameSiteMode.Strict;
            HttpOnly = true;
            IsEssential = true;
            SecurePolicy = CookieSecurePolicy.SameAsRequest;
        }

        public override string? Name
        {
            get => Current().CookieName;
            set
            {
                // Each page names its own cookie (AddPageAntiforgery); the framework's default name is not used.
            }
        }

        public override string? Path
        {
            get => Current().PathPrefix;
            set
            {
            }
        }

        private Page Current()
        {
            var pages = _pages.Value.All;
            var path = _accessor.HttpContext?.Request.Path ?? PathString.Empty;
            return pages.FirstOrDefault(p => path.StartsWithSegments(p.PathPrefix, StringComparison.OrdinalIgnoreCase)) ?? pages[0];
        }
    }
}
