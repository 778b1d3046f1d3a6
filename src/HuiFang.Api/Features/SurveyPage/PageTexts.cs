using System.Globalization;

namespace HuiFang.Api.Features.SurveyPage;

/// <summary>
/// The page's own words in its two languages. The page speaks the language chosen for it
/// (<see cref="SurveyPageService"/>), which need not be the request's <c>Accept-Language</c>, so its texts live
/// here and not in the service's message catalogue (which follows the request).
/// </summary>
public static class PageTexts
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    private static readonly Dictionary<string, (string En, string Zh)> Texts = new()
    {
        ["page.title"] = ("Customer survey", "客户回访问卷"),
        ["about"] = ("About your {0} on {1}", "关于您 {1} 的{0}服务"),
        ["required"] = ("required", "必填"),
        ["requiredNote"] = ("Questions marked * need an answer.", "带 * 的问题为必答题。"),
        ["score.1"] = ("Very dissatisfied", "非常不满意"),
        ["score.2"] = ("Dissatisfied", "不满意"),
        ["score.3"] = ("Neutral", "一般"),
        ["score.4"] = ("Satisfied", "满意"),
        ["score.5"] = ("Very satisfied", "非常满意"),
        ["nps.low"] = ("0 = not at all likely", "0 = 完全不可能"),
        ["nps.high"] = ("10 = extremely likely", "10 = 非常可能"),
        ["yes"] = ("Yes", "是"),
        ["no"] = ("No", "否"),
        ["doNotContact"] = ("Don't ask me again: no more surveys or follow-up calls about services", "不再打扰：以后不再向我发送问卷或回访电话"),
        ["doNotContact.hint"] = ("You can tick this on its own, without answering the questions.", "可以只勾选此项而不回答问题。"),
        ["submit"] = ("Send my answers", "提交"),
        ["errors.heading"] = ("Please check your answers", "请检查您的回答"),
        ["error.required"] = ("Please answer this question.", "请回答此问题。"),
        ["error.invalid"] = ("This answer is not one of the choices.", "该回答不在可选范围内。"),
        ["error.tooLong"] = ("This answer is too long.", "回答内容过长。"),
        ["thanks.title"] = ("Thank you", "感谢您的反馈"),
        ["thanks.body"] = ("Your answers have been received.", "我们已收到您的回答。"),
        ["thanks.followUp"] = ("We are sorry about your experience. Someone responsible will contact you about it.", "很抱歉给您带来不好的体验，相关负责人员会尽快与您联系。"),
        ["optedOut.title"] = ("We won't ask again", "我们不会再打扰您"),
        ["optedOut.body"] = ("You will get no more surveys or follow-up calls about services.", "以后不会再向您发送问卷或回访电话。"),
        ["optedOut.also"] = ("We won't send you more surveys or follow-up calls.", "以后不会再向您发送问卷或回访电话。"),
        ["answered.title"] = ("You have already answered", "您已完成此问卷"),
        ["answered.body"] = ("Thank you. This survey was answered on {0}.", "感谢您。此问卷已于 {0} 提交。"),
        ["answered.score"] = ("Your overall rating", "您的总体评分"),
        ["answered.comment"] = ("Your comment", "您的留言"),
        ["expired.title"] = ("This link is no longer valid", "此链接已失效"),
        ["expired.body"] = ("The survey has ended or the link is incomplete. There is nothing more you need to do.", "问卷已结束或链接不完整，您无需再做任何操作。"),
        ["limited.title"] = ("Too many requests", "请求过于频繁"),
        ["limited.body"] = ("Please wait a minute and try again.", "请稍候一分钟再试。"),
        ["tooLarge.title"] = ("The answer is too long", "提交的内容过长"),
        ["tooLarge.body"] = ("Please go back, shorten your answers and send them again.", "请返回，缩短回答后重新提交。"),
        ["invalidCharacters.title"] = ("The answer contains a character that cannot be sent", "提交的内容包含无法发送的字符"),
        ["invalidCharacters.body"] = ("Please go back, remove the unusual character (for example a pasted control character) and send your answers again.", "请返回，删除异常字符（例如粘贴进来的控制字符）后重新提交。"),
        ["stale.title"] = ("The form has expired", "表单已过期"),
        ["stale.body"] = ("Please open the link again and send your answers once more.", "请重新打开链接并再次提交。"),
        ["unsupported.title"] = ("The answer could not be read", "无法读取提交的内容"),
        ["unsupported.body"] = ("Please open the link again and send the form from the page.", "请重新打开链接，在页面上填写并提交。"),
        ["reopen"] = ("Open the survey again", "重新打开问卷"),
    };

    private static readonly Dictionary<string, (string En, string Zh)> ServiceTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Repair"] = ("repair", "维修"),
        ["Installation"] = ("installation", "安装"),
        ["Maintenance"] = ("maintenance", "保养"),
        ["Inspection"] = ("inspection", "检查"),
        ["Delivery"] = ("delivery", "送货"),
        ["Cleaning"] = ("cleaning", "清洁"),
    };

    public static string Get(string language, string key, params object?[] args)
    {
        var (en, zh) = Texts[key];
        var template = language == Chinese ? zh : en;
        return args.Length == 0 ? template : string.Format(CultureInfo.InvariantCulture, template, args);
    }

    /// <summary>A known service type in the page's words; any other as the tenant named it.</summary>
    public static string ServiceType(string language, string serviceType) =>
        ServiceTypes.TryGetValue(serviceType, out var t) ? (language == Chinese ? t.Zh : t.En) : serviceType;

    /// <summary>"2026-11-20" in Chinese (2026年11月20日), "20 November 2026" in English.</summary>
    public static string Date(string language, DateOnly date) => language == Chinese
        ? date.ToString("yyyy'年'M'月'd'日'", CultureInfo.InvariantCulture)
        : date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>The page's language for a culture: Chinese for any zh culture, English otherwise.</summary>
    public static string For(CultureInfo culture) => culture.TwoLetterISOLanguageName == "zh" ? Chinese : English;

    /// <summary>A stored language ("zh-CN", "zh", "en", "en-GB") as one of the page's two, or null when it names neither.</summary>
    public static string? Normalize(string? language) => language switch
    {
        null or "" => null,
        _ when language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) => Chinese,
        _ when language.StartsWith("en", StringComparison.OrdinalIgnoreCase) => English,
        _ => null,
    };
}
