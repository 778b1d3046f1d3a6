using System.Security.Cryptography;
using System.Text;

namespace HuiFang.Api.Features.SurveyPage;

/// <summary>
/// The page's only style sheet, inline so that the page loads in one request and needs nothing from elsewhere.
/// The Content-Security-Policy allows exactly this sheet by its hash: no other style and no script at all.
/// Colours meet WCAG 2.2 AA (text #1b1b1b, muted #4a4a4a, links and buttons #0b57d0 on white, errors
/// #a8231a: each above 4.5:1); every control is at least 44 px high and wide; focus is a 3 px outline.
/// </summary>
public static class PageStyles
{
    public const string Css =
        "*{box-sizing:border-box}" +
        "html{-webkit-text-size-adjust:100%}" +
        "body{margin:0;font:1rem/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans CJK SC\",\"PingFang SC\",\"Microsoft YaHei\",sans-serif;color:#1b1b1b;background:#f3f4f6}" +
        "main{max-width:40rem;margin:0 auto;padding:1rem;background:#fff;min-height:100vh}" +
        "h1{font-size:1.375rem;line-height:1.3;margin:.25rem 0 .5rem}" +
        "h2{font-size:1.125rem;margin:0 0 .5rem}" +
        ".org{margin:0;font-weight:600;color:#4a4a4a}" +
        ".muted{color:#4a4a4a}" +
        "fieldset{border:0;padding:0;margin:0 0 1.5rem;min-width:0}" +
        "legend{font-weight:600;padding:0;margin-bottom:.5rem}" +
        ".req{color:#a8231a}" +
        ".opts{display:flex;flex-wrap:wrap;gap:.5rem}" +
        ".opts.col{flex-direction:column}" +
        ".opt{display:flex;align-items:center;gap:.5rem;min-height:2.75rem;min-width:2.75rem;padding:.5rem .75rem;border:1px solid #6b6b6b;border-radius:.5rem;cursor:pointer}" +
        ".scale .opt{flex:1 1 0;flex-direction:column;justify-content:center;gap:.125rem;padding:.5rem .25rem;text-align:center;font-size:.875rem}" +
        ".scale .opt b{font-size:1.125rem}" +
        ".opts.nps{display:grid;grid-template-columns:repeat(auto-fill,minmax(2.75rem,1fr))}" +
        ".nps .opt{flex-direction:column;justify-content:center;gap:.125rem;padding:.375rem 0}" +
        "input[type=radio],input[type=checkbox]{width:1.25rem;height:1.25rem;margin:0;accent-color:#0b57d0;flex:none}" +
        ".opt:has(input:checked){border:2px solid #0b57d0;background:#e8f0fe}" +
        "textarea{width:100%;min-height:6rem;padding:.5rem;font:inherit;border:1px solid #6b6b6b;border-radius:.5rem}" +
        "button,.btn{display:inline-block;min-height:2.75rem;min-width:2.75rem;padding:.625rem 1.5rem;font:inherit;font-weight:600;color:#fff;background:#0b57d0;border:0;border-radius:.5rem;cursor:pointer;text-decoration:none}" +
        "button{width:100%}" +
        ":focus-visible{outline:3px solid #0b57d0;outline-offset:2px}" +
        "button:focus-visible,.btn:focus-visible{outline-color:#1b1b1b}" +
        "a{color:#0b57d0}" +
        ".err{color:#a8231a;font-weight:600;margin:0 0 .5rem}" +
        ".invalid .opt,.invalid textarea{border-color:#a8231a}" +
        ".summary{border:2px solid #a8231a;border-radius:.5rem;padding:.75rem 1rem;margin:0 0 1.5rem}" +
        ".summary ul{margin:0;padding-left:1.25rem}" +
        ".dnc{border-top:1px solid #d0d0d0;padding-top:1rem}" +
        ".nps-ends{display:flex;justify-content:space-between;font-size:.875rem;color:#4a4a4a;margin:.25rem 0 0}" +
        ".sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}" +
        "dl{margin:0 0 1rem}dt{font-weight:600}dd{margin:0 0 .75rem}";

    /// <summary>The CSP source expression that allows <see cref="Css"/> and nothing else.</summary>
    public static readonly string CspHash = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Css))) + "'";

    /// <summary>The page's Content-Security-Policy: no script, no frame, no third party; forms post only back here.</summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src {CspHash}; img-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
}
