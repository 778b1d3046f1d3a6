using System.Globalization;
using System.Text;
using static HuiFang.Api.Features.Reports.Dashboard.Html;

namespace HuiFang.Api.Features.Reports.Dashboard;

/// <summary>Who is signed in, as the page's header shows it.</summary>
public sealed record DashboardViewer(string TenantId, string TenantName, string CallerName, string AntiforgeryToken);

/// <summary>
/// The dashboard's HTML: one document per answer, the inline style sheet, no script. Stable ids (the browser tests
/// rely on them): <c>main#dashboard[data-state]</c> (<c>sign-in</c>, <c>dashboard</c>, <c>items</c>, <c>bad-request</c>,
/// <c>stale</c>, …), <c>form#sign-in-form</c> with <c>input#credential</c>, <c>form#sign-out-form</c>,
/// <c>form#filters</c> (<c>#from</c>, <c>#to</c>, <c>#department</c>), one <c>section</c> per section holding
/// <c>figure#{id}</c> and <c>table#{id}-table</c>, <c>#tenant</c>.
/// </summary>
public static class DashboardPages
{
    public const string AntiforgeryField = Infrastructure.Http.PageAntiforgery.FormField;

    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string SignIn(string lang, bool explicitLanguage, string antiforgeryToken, string? errorKey, int sessionHours)
    {
        var b = new StringBuilder(4096);
        Open(b, lang, DashboardTexts.Get(lang, "signIn.title"));
        b.Append("<header class=\"top\"><h1 id=\"title\">").Append(E(DashboardTexts.Get(lang, "title"))).Append("</h1>");
        Languages(b, lang, "/dashboard", "");
        b.Append("</header><main id=\"dashboard\" class=\"narrow\" data-state=\"sign-in\"><div class=\"card\"><h2 id=\"sign-in-title\">")
            .Append(E(DashboardTexts.Get(lang, "signIn.title"))).Append("</h2><p class=\"muted\">").Append(E(DashboardTexts.Get(lang, "signIn.intro"))).Append("</p>");
        if (errorKey is not null)
        {
            b.Append("<div id=\"sign-in-error\" class=\"err\" role=\"alert\">").Append(E(DashboardTexts.Get(lang, errorKey))).Append("</div>");
        }

        b.Append("<form id=\"sign-in-form\" method=\"post\" action=\"/dashboard/sign-in\">");
        Hidden(b, AntiforgeryField, antiforgeryToken);
        if (explicitLanguage)
        {
            Hidden(b, "lang", lang);
        }

        b.Append("<p><label for=\"credential\">").Append(E(DashboardTexts.Get(lang, "signIn.credential"))).Append("</label>")
            .Append("<input type=\"password\" id=\"credential\" name=\"credential\" autocomplete=\"off\" spellcheck=\"false\" required aria-describedby=\"credential-hint\"")
            .Append(errorKey is null ? "" : " aria-invalid=\"true\"").Append("></p><p id=\"credential-hint\" class=\"muted\">")
            .Append(E(DashboardTexts.Get(lang, "signIn.hint", sessionHours))).Append("</p><p><button type=\"submit\" id=\"sign-in\">")
            .Append(E(DashboardTexts.Get(lang, "signIn.submit"))).Append("</button></p></form></div>");
        return Close(b);
    }

    public static string Dashboard(DashboardFilter f, DashboardViewer viewer, IReadOnlyList<DashboardSection> sections)
    {
        var lang = f.Language;
        var b = new StringBuilder(32 * 1024);
        Open(b, lang, DashboardTexts.Get(lang, "title"));
        b.Append("<a class=\"skip\" href=\"#sections\">").Append(E(DashboardTexts.Get(lang, "skip"))).Append("</a>");
        Header(b, lang, viewer, "/dashboard", f.Query(("lang", null)));
        b.Append("<main id=\"dashboard\" data-state=\"dashboard\" data-from=\"").Append(f.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("\" data-to=\"")
            .Append(f.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("\" data-department=\"").Append(E(f.Department)).Append("\">");
        Filters(b, f);
        b.Append("<div id=\"sections\" class=\"grid\">");
        foreach (var section in sections)
        {
            Section(b, lang, section);
        }

        b.Append("</div></main>");
        return Close(b);
    }

    private static void Section(StringBuilder b, string lang, DashboardSection section)
    {
        var id = section.Id;
        b.Append("<section class=\"card\" id=\"").Append(id).Append("-section\" aria-labelledby=\"").Append(id).Append("-title\"><h2 id=\"").Append(id).Append("-title\">")
            .Append(E(DashboardTexts.Get(lang, id + ".title"))).Append("</h2><p class=\"muted\" id=\"").Append(id).Append("-desc\">").Append(E(DashboardTexts.Get(lang, id + ".desc"))).Append("</p>");
        if (!section.Available)
        {
            b.Append("<p id=\"").Append(id).Append("-unavailable\" data-state=\"unavailable\">").Append(E(DashboardTexts.Get(lang, "notAvailable"))).Append("</p></section>");
            return;
        }

        if (section.Chart is { } chart)
        {
            if (chart.Rows.Count == 0)
            {
                b.Append("<p class=\"muted\" id=\"").Append(id).Append("-empty\">").Append(E(DashboardTexts.Get(lang, "empty"))).Append("</p>");
            }

            Figure(b, lang, chart, id + "-title", id + "-desc");
            Table(b, lang, chart, DashboardTexts.Get(lang, "table") + ": " + DashboardTexts.Get(lang, id + ".title"));
        }

        if (section.List is { } list)
        {
            Items(b, list);
        }

        if (section.JsonReport is { } json)
        {
            var href = ReportEndpoints.Route + "/" + json;
            b.Append("<p class=\"muted\">").Append(E(DashboardTexts.Get(lang, "jsonReport", ""))).Append("<code>").Append(E(href)).Append("</code></p>");
        }

        b.Append("</section>");
    }

    public static void Items(StringBuilder b, ItemList list)
    {
        // A list may have no link to focus (the open actions): its scrolling box takes the focus itself, so a keyboard
        // can scroll a wide list on a phone (axe scrollable-region-focusable); named by the table's caption.
        b.Append("<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"").Append(list.Id).Append("-caption\"><table id=\"").Append(list.Id)
            .Append("\"><caption id=\"").Append(list.Id).Append("-caption\">").Append(E(list.Caption)).Append("</caption><thead><tr>");
        foreach (var header in list.Headers)
        {
            b.Append("<th scope=\"col\">").Append(E(header)).Append("</th>");
        }

        b.Append("</tr></thead><tbody>");
        foreach (var row in list.Rows)
        {
            b.Append("<tr data-key=\"").Append(E(row.Key)).Append("\">");
            for (var i = 0; i < row.Cells.Count; i++)
            {
                b.Append(i == 0 ? "<th scope=\"row\">" : "<td>");
                if (i == 0 && row.Href is not null)
                {
                    b.Append("<a href=\"").Append(E(row.Href)).Append("\">").Append(E(row.Cells[i])).Append("</a>");
                }
                else
                {
                    b.Append(E(row.Cells[i]));
                }

                b.Append(i == 0 ? "</th>" : "</td>");
            }

            b.Append("</tr>");
        }

        b.Append("</tbody></table></div>");
    }

    /// <summary>A drill-down page: the items behind a mark or a row, under the same header and filters.</summary>
    public static string ItemsPage(DashboardFilter f, DashboardViewer viewer, string path, string title, ItemList list, bool truncated, int limit)
    {
        var lang = f.Language;
        var b = new StringBuilder(16 * 1024);
        Open(b, lang, title);
        Header(b, lang, viewer, path, "");
        b.Append("<main id=\"dashboard\" data-state=\"items\"><p><a class=\"btn\" id=\"back\" href=\"/dashboard").Append(E(f.Query())).Append("\">")
            .Append(E(DashboardTexts.Get(lang, "back"))).Append("</a></p><div class=\"card\"><h2 id=\"items-title\">").Append(E(title)).Append("</h2><p class=\"muted\" id=\"items-count\" data-count=\"")
            .Append(list.Rows.Count).Append("\">").Append(E(DashboardTexts.Get(lang, "filters.summary", f.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), f.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), DashboardTexts.Get(lang, "drill.count", list.Rows.Count), f.Department ?? DashboardTexts.Get(lang, "filters.department.all"))))
            .Append("</p>");
        if (truncated)
        {
            b.Append("<p id=\"items-truncated\">").Append(E(DashboardTexts.Get(lang, "drill.truncated", limit))).Append("</p>");
        }

        Items(b, list);
        b.Append("</div></main>");
        return Close(b);
    }

    /// <summary>A page that only says what went wrong (bad filters, an expired form, …), with a way back.</summary>
    public static string Notice(string lang, string state, string titleKey, string bodyKey, IReadOnlyList<string>? details = null)
    {
        var b = new StringBuilder(2048);
        var title = DashboardTexts.Get(lang, titleKey);
        Open(b, lang, title);
        b.Append("<main id=\"dashboard\" class=\"narrow\" data-state=\"").Append(state).Append("\"><div class=\"card\"><h1 id=\"title\">").Append(E(title)).Append("</h1><p id=\"message\">")
            .Append(E(DashboardTexts.Get(lang, bodyKey))).Append("</p>");
        if (details is { Count: > 0 })
        {
            // role=alert on the list itself would replace its list role and leave the items outside a list (axe listitem).
            b.Append("<div class=\"err\" role=\"alert\"><ul id=\"errors\">");
            foreach (var detail in details)
            {
                b.Append("<li>").Append(E(detail)).Append("</li>");
            }

            b.Append("</ul></div>");
        }

        b.Append("<p><a class=\"btn\" id=\"back\" href=\"/dashboard\">").Append(E(DashboardTexts.Get(lang, "back"))).Append("</a></p></div></main>");
        return Close(b);
    }

    private static void Header(StringBuilder b, string lang, DashboardViewer viewer, string path, string query)
    {
        b.Append("<header class=\"top\"><div><h1 id=\"title\">").Append(E(DashboardTexts.Get(lang, "title"))).Append("</h1><p class=\"who\"><span id=\"tenant\" data-tenant=\"")
            .Append(E(viewer.TenantId)).Append("\">").Append(E(viewer.TenantName)).Append("</span> · <span id=\"signed-in-as\">")
            .Append(E(DashboardTexts.Get(lang, "signedInAs", viewer.CallerName))).Append("</span></p></div><div class=\"bar\">");
        Languages(b, lang, path, query);
        b.Append("<form id=\"sign-out-form\" method=\"post\" action=\"/dashboard/sign-out\">");
        Hidden(b, AntiforgeryField, viewer.AntiforgeryToken);
        b.Append("<button type=\"submit\" id=\"sign-out\" class=\"quiet\">").Append(E(DashboardTexts.Get(lang, "signOut"))).Append("</button></form></div></header>");
    }

    private static void Languages(StringBuilder b, string lang, string path, string query)
    {
        var glue = query.Length == 0 ? "?" : query + "&";
        b.Append("<p class=\"langs\" id=\"languages\"><span class=\"sr\">").Append(E(DashboardTexts.Get(lang, "language"))).Append(": </span>");
        b.Append(lang == DashboardTexts.Chinese ? "<span aria-current=\"true\">中文</span>" : "<a href=\"" + E(path + glue + "lang=zh-CN") + "\" lang=\"zh-CN\" hreflang=\"zh-CN\">中文</a>");
        b.Append(" | ");
        b.Append(lang == DashboardTexts.English ? "<span aria-current=\"true\">English</span>" : "<a href=\"" + E(path + glue + "lang=en") + "\" lang=\"en\" hreflang=\"en\">English</a>");
        b.Append("</p>");
    }

    private static void Filters(StringBuilder b, DashboardFilter f)
    {
        var lang = f.Language;
        b.Append("<div class=\"card\"><h2 id=\"filters-title\">").Append(E(DashboardTexts.Get(lang, "filters"))).Append("</h2>")
            .Append("<form id=\"filters\" class=\"filters\" method=\"get\" action=\"/dashboard\" aria-labelledby=\"filters-title\">");
        if (f.ExplicitLanguage)
        {
            Hidden(b, "lang", lang);
        }

        b.Append("<div><label for=\"from\">").Append(E(DashboardTexts.Get(lang, "filters.from"))).Append("</label><input type=\"date\" id=\"from\" name=\"from\" value=\"")
            .Append(f.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("\" required></div>")
            .Append("<div><label for=\"to\">").Append(E(DashboardTexts.Get(lang, "filters.to"))).Append("</label><input type=\"date\" id=\"to\" name=\"to\" value=\"")
            .Append(f.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("\" required></div>")
            .Append("<div><label for=\"department\">").Append(E(DashboardTexts.Get(lang, "filters.department"))).Append("</label><input type=\"text\" id=\"department\" name=\"department\" maxlength=\"64\" value=\"")
            .Append(E(f.Department)).Append("\" placeholder=\"").Append(E(DashboardTexts.Get(lang, "filters.department.all"))).Append("\"></div>")
            .Append("<div><button type=\"submit\" id=\"apply\">").Append(E(DashboardTexts.Get(lang, "filters.apply"))).Append("</button></div></form></div>");
    }

    private static void Hidden(StringBuilder b, string name, string value) =>
        b.Append("<input type=\"hidden\" name=\"").Append(name).Append("\" value=\"").Append(E(value)).Append("\">");

    private static void Open(StringBuilder b, string lang, string title) =>
        b.Append("<!doctype html><html lang=\"").Append(lang).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><meta name=\"robots\" content=\"noindex,nofollow\">")
            .Append("<meta name=\"referrer\" content=\"no-referrer\"><title>").Append(E(title)).Append("</title><style>").Append(DashboardStyles.Css)
            .Append("</style></head><body>");

    private static string Close(StringBuilder b) => b.Append("</body></html>").ToString();
}
