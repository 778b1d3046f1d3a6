using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace HuiFang.Api.Features.SurveyPage;

/// <summary>
/// Writes the page's HTML: one document, inline CSS, no script, every value HTML-encoded on its way in.
/// The ids and names are stable (the browser tests and assistive technology rely on them):
/// <c>main#survey[data-state]</c>, <c>form#survey-form</c>, <c>fieldset#q-{key}</c> with radios
/// <c>name="q.{key}"</c>, errors <c>#q-{key}-error</c>, the summary <c>#error-summary</c>, the
/// do-not-contact checkbox <c>#do-not-contact</c> (<c>name="doNotContact"</c>), <c>button#submit</c>.
/// </summary>
public static class PageRenderer
{
    /// <summary>Chinese and every other script written as characters, not as entities: a page of Chinese stays small.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public const string AntiforgeryField = HuiFang.Api.Infrastructure.Http.PageAntiforgery.FormField;

    public static string Form(PageSurvey survey, PageForm form, string action, string antiforgeryToken)
    {
        var lang = survey.Language;
        var b = new StringBuilder(8192);
        Open(b, lang, survey.Title, "form");
        Header(b, survey);
        if (survey.Intro is { Length: > 0 } intro)
        {
            b.Append("<p id=\"intro\">").Append(E(intro)).Append("</p>");
        }

        b.Append("<form id=\"survey-form\" method=\"post\" action=\"").Append(E(action)).Append("\" novalidate>");
        if (form.Errors.Count > 0)
        {
            b.Append("<div id=\"error-summary\" class=\"summary\" role=\"alert\" aria-labelledby=\"error-summary-title\"><h2 id=\"error-summary-title\">")
                .Append(E(PageTexts.Get(lang, "errors.heading"))).Append("</h2><ul>");
            foreach (var question in survey.Questions.Where(q => form.Errors.ContainsKey(q.Key)))
            {
                b.Append("<li><a href=\"#").Append(E(FirstControlId(question))).Append("\">").Append(E(question.Text)).Append(": ")
                    .Append(E(form.Errors[question.Key])).Append("</a></li>");
            }

            b.Append("</ul></div>");
        }

        b.Append("<input type=\"hidden\" name=\"").Append(AntiforgeryField).Append("\" value=\"").Append(E(antiforgeryToken)).Append("\">");
        b.Append("<p class=\"muted\" id=\"required-note\">").Append(E(PageTexts.Get(lang, "requiredNote"))).Append("</p>");
        foreach (var question in survey.Questions)
        {
            Question(b, lang, question, form);
        }

        b.Append("<div class=\"dnc\"><p id=\"do-not-contact-hint\" class=\"muted\">").Append(E(PageTexts.Get(lang, "doNotContact.hint"))).Append("</p>")
            .Append("<label class=\"opt\" for=\"do-not-contact\"><input type=\"checkbox\" id=\"do-not-contact\" name=\"doNotContact\" value=\"true\" aria-describedby=\"do-not-contact-hint\"")
            .Append(form.DoNotContact ? " checked" : "").Append("><span>").Append(E(PageTexts.Get(lang, "doNotContact"))).Append("</span></label></div>");
        b.Append("<p><button type=\"submit\" id=\"submit\">").Append(E(PageTexts.Get(lang, "submit"))).Append("</button></p></form>");
        return Close(b);
    }

    public static string Thanks(PageSurvey survey, bool followUp, bool optedOut)
    {
        var lang = survey.Language;
        var b = new StringBuilder(2048);
        Open(b, lang, PageTexts.Get(lang, "thanks.title"), "thanks");
        Header(b, survey, PageTexts.Get(lang, "thanks.title"));
        b.Append("<p id=\"message\">").Append(E(PageTexts.Get(lang, "thanks.body"))).Append("</p>");
        if (followUp)
        {
            b.Append("<p id=\"follow-up\">").Append(E(PageTexts.Get(lang, "thanks.followUp"))).Append("</p>");
        }

        if (optedOut)
        {
            b.Append("<p id=\"opted-out\">").Append(E(PageTexts.Get(lang, "optedOut.also"))).Append("</p>");
        }

        return Close(b);
    }

    /// <summary>The customer only asked not to be contacted again, without answering.</summary>
    public static string OptedOut(PageSurvey survey)
    {
        var lang = survey.Language;
        var b = new StringBuilder(2048);
        Open(b, lang, PageTexts.Get(lang, "optedOut.title"), "opted-out");
        Header(b, survey, PageTexts.Get(lang, "optedOut.title"));
        b.Append("<p id=\"message\">").Append(E(PageTexts.Get(lang, "optedOut.body"))).Append("</p>");
        return Close(b);
    }

    public static string Answered(PageSurvey survey, string answeredOn, IReadOnlyList<PageAnswerLine> answer)
    {
        var lang = survey.Language;
        var b = new StringBuilder(2048);
        Open(b, lang, PageTexts.Get(lang, "answered.title"), "answered");
        Header(b, survey, PageTexts.Get(lang, "answered.title"));
        b.Append("<p id=\"message\">").Append(E(PageTexts.Get(lang, "answered.body", answeredOn))).Append("</p>");
        if (answer.Count > 0)
        {
            b.Append("<dl id=\"answer\">");
            foreach (var line in answer)
            {
                b.Append("<dt>").Append(E(line.Label)).Append("</dt><dd>").Append(E(line.Value)).Append("</dd>");
            }

            b.Append("</dl>");
        }

        return Close(b);
    }

    /// <summary>
    /// A page that says only what went wrong, for states where the survey is not (or no longer) known:
    /// expired, unknown and revoked links all get the same one, so a guess learns nothing.
    /// </summary>
    public static string Notice(string language, string state, string titleKey, string bodyKey, string? retryAction = null)
    {
        var b = new StringBuilder(1536);
        var title = PageTexts.Get(language, titleKey);
        Open(b, language, title, state);
        b.Append("<h1 id=\"title\">").Append(E(title)).Append("</h1><p id=\"message\">").Append(E(PageTexts.Get(language, bodyKey))).Append("</p>");
        if (retryAction is not null)
        {
            b.Append("<p><a class=\"btn\" id=\"reopen\" href=\"").Append(E(retryAction)).Append("\">").Append(E(PageTexts.Get(language, "reopen"))).Append("</a></p>");
        }

        return Close(b);
    }

    private static void Open(StringBuilder b, string lang, string title, string state)
    {
        b.Append("<!doctype html><html lang=\"").Append(lang).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><meta name=\"robots\" content=\"noindex,nofollow\">")
            .Append("<meta name=\"referrer\" content=\"no-referrer\"><title>").Append(E(title)).Append("</title><style>").Append(PageStyles.Css)
            .Append("</style></head><body><main id=\"survey\" data-state=\"").Append(state).Append("\">");
    }

    private static string Close(StringBuilder b) => b.Append("</main></body></html>").ToString();

    private static void Header(StringBuilder b, PageSurvey survey, string? heading = null)
    {
        b.Append("<header><p class=\"org\" id=\"organisation\">").Append(E(survey.Organisation)).Append("</p><h1 id=\"title\">")
            .Append(E(heading ?? survey.Title)).Append("</h1><p class=\"muted\" id=\"about\">").Append(E(survey.About)).Append("</p></header>");
    }

    private static void Question(StringBuilder b, string lang, PageQuestion q, PageForm form)
    {
        var error = form.Errors.TryGetValue(q.Key, out var e) ? e : null;
        var errorId = q.Id + "-error";
        if (q.Kind == PageQuestionKind.FreeText)
        {
            b.Append("<div class=\"field").Append(error is null ? "" : " invalid").Append("\" id=\"").Append(q.Id).Append("\"><p><label for=\"")
                .Append(q.Id).Append("-text\"><b>").Append(E(q.Text)).Append("</b>");
            Required(b, lang, q);
            b.Append("</label></p>");
            ErrorLine(b, errorId, error);
            b.Append("<textarea id=\"").Append(q.Id).Append("-text\" name=\"").Append(E(q.Field)).Append("\" rows=\"4\" maxlength=\"2000\"")
                .Append(q.Required ? " aria-required=\"true\"" : "").Append(error is null ? "" : " aria-invalid=\"true\" aria-describedby=\"" + errorId + "\"").Append('>')
                .Append(E(form.Text(q.Field) ?? "")).Append("</textarea></div>");
            return;
        }

        var (css, options) = q.Kind switch
        {
            PageQuestionKind.Score => ("opts scale", Enumerable.Range(1, 5).Select(i => new PageOption(Num(i), PageTexts.Get(lang, "score." + Num(i)))).ToList()),
            PageQuestionKind.Nps => ("opts nps", Enumerable.Range(0, 11).Select(i => new PageOption(Num(i), Num(i))).ToList()),
            PageQuestionKind.YesNo => ("opts", [
                new PageOption("yes", q.Options.FirstOrDefault(o => o.Key == "yes")?.Label ?? PageTexts.Get(lang, "yes")),
                new PageOption("no", q.Options.FirstOrDefault(o => o.Key == "no")?.Label ?? PageTexts.Get(lang, "no"))]),
            _ => ("opts col", q.Options.ToList()),
        };
        var type = q.Kind == PageQuestionKind.MultipleChoice ? "checkbox" : "radio";
        b.Append("<fieldset id=\"").Append(q.Id).Append('"').Append(error is null ? "" : " class=\"invalid\" aria-describedby=\"" + errorId + "\"")
            .Append("><legend>").Append(E(q.Text));
        Required(b, lang, q);
        b.Append("</legend>");
        ErrorLine(b, errorId, error);
        b.Append("<div class=\"").Append(css).Append("\">");
        for (var i = 0; i < options.Count; i++)
        {
            var option = options[i];
            var id = q.Id + "-" + (q.Kind is PageQuestionKind.Score or PageQuestionKind.Nps or PageQuestionKind.YesNo ? option.Key : i.ToString(CultureInfo.InvariantCulture));
            b.Append("<label class=\"opt\" for=\"").Append(E(id)).Append("\"><input type=\"").Append(type).Append("\" id=\"").Append(E(id)).Append("\" name=\"")
                .Append(E(q.Field)).Append("\" value=\"").Append(E(option.Key)).Append('"')
                .Append(form.Has(q.Field, option.Key) ? " checked" : "").Append(error is null ? "" : " aria-invalid=\"true\"").Append('>');
            if (q.Kind == PageQuestionKind.Score)
            {
                b.Append("<b>").Append(option.Key).Append("</b><span>").Append(E(option.Label)).Append("</span>");
            }
            else
            {
                b.Append("<span>").Append(E(option.Label)).Append("</span>");
            }

            b.Append("</label>");
        }

        b.Append("</div>");
        if (q.Kind == PageQuestionKind.Nps)
        {
            b.Append("<p class=\"nps-ends\" aria-hidden=\"true\"><span>").Append(E(PageTexts.Get(lang, "nps.low"))).Append("</span><span>")
                .Append(E(PageTexts.Get(lang, "nps.high"))).Append("</span></p>");
        }

        b.Append("</fieldset>");
    }

    private static void Required(StringBuilder b, string lang, PageQuestion q)
    {
        if (q.Required)
        {
            b.Append(" <span class=\"req\" aria-hidden=\"true\">*</span><span class=\"sr\">(").Append(E(PageTexts.Get(lang, "required"))).Append(")</span>");
        }
    }

    private static void ErrorLine(StringBuilder b, string errorId, string? error)
    {
        if (error is not null)
        {
            b.Append("<p class=\"err\" id=\"").Append(errorId).Append("\">").Append(E(error)).Append("</p>");
        }
    }

    /// <summary>Where the error summary's link for a question lands: its first control.</summary>
    private static string FirstControlId(PageQuestion q) => q.Kind switch
    {
        PageQuestionKind.FreeText => q.Id + "-text",
        PageQuestionKind.Score => q.Id + "-1",
        PageQuestionKind.Nps => q.Id + "-0",
        PageQuestionKind.YesNo => q.Id + "-yes",
        _ => q.Id + "-0",
    };

    private static string Num(int i) => i.ToString(CultureInfo.InvariantCulture);

    private static string E(string value) => Encoder.Encode(value);
}
