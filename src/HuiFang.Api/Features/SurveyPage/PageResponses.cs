using System.Text;
using HuiFang.Api.Common;
using Microsoft.Net.Http.Headers;

namespace HuiFang.Api.Features.SurveyPage;

/// <summary>
/// How the page answers: HTML for a browser, the same RFC 9457 problem as the API for a client that does not take
/// HTML (every wrong input gets a clear 4xx, whatever the Accept header says), and the security headers of a
/// public page on every answer.
/// </summary>
public static class PageResponses
{
    /// <summary>
    /// Whether the client takes HTML: no Accept header, or one that lists text/html, application/xhtml+xml,
    /// text/* or */* with a non-zero quality. Browsers, mail and link scanners do; <c>Accept: application/json</c> does not.
    /// </summary>
    public static bool AcceptsHtml(HttpRequest request)
    {
        var accept = request.Headers.Accept;
        if (accept.Count == 0)
        {
            return true;
        }

        if (!MediaTypeHeaderValue.TryParseList(accept, out var types))
        {
            return false;
        }

        return types.Any(t => t.Quality is not 0 && (t.MatchesAllTypes
            || t.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)
            || t.MediaType.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase)
            || t.MediaType.Equals("text/*", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>The headers every answer of the page carries, HTML or problem.</summary>
    public static void SecureHeaders(HttpResponse response)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = PageStyles.ContentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        headers["X-Robots-Tag"] = "noindex, nofollow";

        // The link is a secret and the form carries an antiforgery token: no cache, shared or private, keeps either.
        headers.CacheControl = "no-store";
        headers.Pragma = "no-cache";
    }

    public static async Task HtmlAsync(HttpContext context, int status, string html, string language)
    {
        var response = context.Response;
        response.StatusCode = status;
        SecureHeaders(response);
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.ContentLanguage = language;
        response.Headers.Vary = "Accept, Accept-Language";
        var bytes = Encoding.UTF8.GetBytes(html);
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    /// <summary>The problem a non-HTML client gets where a browser would get a page.</summary>
    public static Task ProblemAsync(HttpContext context, int status, string code, string titleKey, string detailKey, params object?[] args)
    {
        SecureHeaders(context.Response);
        return Problems.WriteAsync(context, status, code, titleKey, Messages.Get(detailKey, args));
    }
}
