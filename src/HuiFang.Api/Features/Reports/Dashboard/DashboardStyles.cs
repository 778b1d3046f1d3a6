using System.Security.Cryptography;
using System.Text;

namespace HuiFang.Api.Features.Reports.Dashboard;

/// <summary>
/// The dashboard's only style sheet, inline (one request per page, nothing from elsewhere), allowed by the
/// Content-Security-Policy through its hash: no other style, no script at all. Colours meet WCAG 2.2 AA on white
/// (text #1b1b1b, muted #4a4a4a, links #0b57d0, the second series #8a3b00: each above 4.5:1); targets are at least
/// 44 px; focus is a 3 px outline; one column on a phone, tables scroll sideways inside their box.
/// </summary>
public static class DashboardStyles
{
    public const string Css =
        "*{box-sizing:border-box}" +
        "html{-webkit-text-size-adjust:100%}" +
        "body{margin:0;font:1rem/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans CJK SC\",\"PingFang SC\",\"Microsoft YaHei\",sans-serif;color:#1b1b1b;background:#f3f4f6}" +
        ".skip{position:absolute;left:-999px}.skip:focus{left:.5rem;top:.5rem;background:#fff;padding:.5rem;z-index:1}" +
        "header.top{background:#fff;border-bottom:1px solid #d0d0d0;padding:.75rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between}" +
        "header.top h1{font-size:1.25rem;margin:0}" +
        ".who{margin:0;color:#4a4a4a;font-size:.875rem}" +
        ".bar{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}" +
        "main{max-width:72rem;margin:0 auto;padding:1rem}" +
        "main.narrow{max-width:32rem}" +
        "h2{font-size:1.125rem;margin:0 0 .25rem}" +
        ".muted{color:#4a4a4a}" +
        ".card{background:#fff;border:1px solid #d0d0d0;border-radius:.5rem;padding:1rem;margin:0 0 1rem;min-width:0}" +
        ".grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,30rem),1fr));gap:1rem}" +
        ".grid .card{margin:0}" +
        "figure{margin:.5rem 0}" +
        "svg{display:block;width:100%;height:auto;max-height:22rem}" +
        "svg text{font-size:11px;fill:#1b1b1b}" +
        "svg .axis{stroke:#6b6b6b;stroke-width:1}" +
        "svg .grid-line{stroke:#d0d0d0;stroke-width:1}" +
        "svg .s0{fill:#0b57d0}svg .s1{fill:#8a3b00}" +
        ".legend{display:flex;flex-wrap:wrap;gap:1rem;margin:.25rem 0;padding:0;list-style:none;font-size:.875rem}" +
        ".key{display:inline-block;width:.875rem;height:.875rem;border-radius:.125rem;margin-right:.375rem;vertical-align:-.125rem}" +
        ".key.s0{background:#0b57d0}.key.s1{background:#8a3b00}" +
        ".scroll{overflow-x:auto}" +
        "table{border-collapse:collapse;width:100%;font-size:.9375rem}" +
        "caption{text-align:left;font-weight:600;padding:.25rem 0}" +
        "th,td{padding:.375rem .5rem;border-bottom:1px solid #e0e0e0;text-align:left;vertical-align:top}" +
        "td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}" +
        "thead th{border-bottom:2px solid #6b6b6b}" +
        "label{display:block;font-weight:600;margin:0 0 .25rem}" +
        "input[type=date],input[type=text],input[type=password]{font:inherit;min-height:2.75rem;padding:.5rem;border:1px solid #6b6b6b;border-radius:.5rem;width:100%;background:#fff;color:#1b1b1b}" +
        "form.filters{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,11rem),1fr));gap:.75rem;align-items:end}" +
        "button{min-height:2.75rem;min-width:2.75rem;padding:.5rem 1.25rem;font:inherit;font-weight:600;color:#fff;background:#0b57d0;border:0;border-radius:.5rem;cursor:pointer}" +
        "button.quiet{color:#0b57d0;background:#fff;border:1px solid #0b57d0}" +
        "a{color:#0b57d0}" +
        "a.btn{display:inline-flex;align-items:center;min-height:2.75rem;padding:.5rem 0}" +
        ":focus-visible{outline:3px solid #0b57d0;outline-offset:2px}" +
        "button:focus-visible{outline-color:#1b1b1b}" +
        ".err{border:2px solid #a8231a;border-radius:.5rem;padding:.75rem 1rem;margin:0 0 1rem;color:#a8231a;font-weight:600}" +
        ".err ul{margin:.25rem 0 0;padding-left:1.25rem}" +
        ".sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}" +
        ".langs{margin:0;font-size:.875rem}" +
        "@media (max-width:40rem){main{padding:.5rem}.card{padding:.75rem}th,td{padding:.375rem .25rem}}";

    /// <summary>The CSP source expression that allows <see cref="Css"/> and nothing else.</summary>
    public static readonly string CspHash = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Css))) + "'";

    /// <summary>No script, no frame, no third party, no image but the inline SVG; forms post only back here.</summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src {CspHash}; img-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
}
