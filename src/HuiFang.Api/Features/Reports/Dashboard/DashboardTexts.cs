using System.Globalization;

namespace HuiFang.Api.Features.Reports.Dashboard;

/// <summary>The dashboard's words in its two languages: zh-CN and en (<c>?lang=</c>, else <c>Accept-Language</c>).</summary>
public static class DashboardTexts
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    private static readonly Dictionary<string, (string En, string Zh)> Texts = new()
    {
        ["title"] = ("Follow-up quality dashboard", "回访质量看板"),
        ["signIn.title"] = ("Sign in to the dashboard", "登录回访质量看板"),
        ["signIn.intro"] = ("Paste an API key that holds reports:read, or a bearer token from your identity provider when bearer tokens are on. The page then shows your tenant's figures only.", "请粘贴一个拥有 reports:read 权限的 API 密钥；启用了令牌登录时，也可以粘贴身份提供方签发的 Bearer 令牌。登录后只显示本租户的数据。"),
        ["signIn.credential"] = ("API key or bearer token", "API 密钥或 Bearer 令牌"),
        ["signIn.hint"] = ("It is checked once and not stored: the session keeps only who you are and ends after {0} hours, when you sign out, or when the key is revoked.", "密钥只校验一次、不会保存：会话只记住您的身份，{0} 小时后、退出登录时或密钥被吊销时结束。"),
        ["signIn.submit"] = ("Sign in", "登录"),
        ["signIn.missing"] = ("Paste an API key or a bearer token.", "请粘贴 API 密钥或 Bearer 令牌。"),
        ["signIn.invalid"] = ("This key or token is not accepted: it is unknown, revoked or expired.", "该密钥或令牌无效：未知、已吊销或已过期。"),
        ["signIn.insufficient"] = ("This key or token does not hold reports:read, which the dashboard needs.", "该密钥或令牌没有看板所需的 reports:read 权限。"),
        ["signIn.ended"] = ("Your session has ended. Sign in again.", "会话已结束，请重新登录。"),
        ["signOut"] = ("Sign out", "退出登录"),
        ["signedInAs"] = ("Signed in as {0}", "当前登录：{0}"),
        ["tenant"] = ("Tenant", "租户"),
        ["filters"] = ("Filters", "筛选"),
        ["filters.from"] = ("From", "开始日期"),
        ["filters.to"] = ("To", "结束日期"),
        ["filters.department"] = ("Department", "部门"),
        ["filters.department.all"] = ("all departments", "全部部门"),
        ["filters.apply"] = ("Show", "查询"),
        ["filters.summary"] = ("{0} to {1} ({2}), {3}", "{0} 至 {1}（{2}），{3}"),
        ["language"] = ("Language", "语言"),
        ["skip"] = ("Skip to the figures", "跳到数据"),
        ["table"] = ("Table", "数据表"),
        ["empty"] = ("No data in this period.", "该时段没有数据。"),
        ["none"] = ("–", "–"),
        ["jsonReport"] = ("The same figures as JSON: {0}", "相同数据的 JSON：{0}"),
        ["back"] = ("Back to the dashboard", "返回看板"),
        ["week"] = ("Week", "周"),
        ["score"] = ("Score", "评分"),
        ["channel"] = ("Channel", "渠道"),
        ["department"] = ("Department", "部门"),
        ["department.none"] = ("(no department)", "（无部门）"),
        ["agent"] = ("Agent", "回访员"),
        ["agent.none"] = ("(no agent)", "（无回访员）"),
        ["feedback"] = ("Feedback", "回访记录"),
        ["satisfactionRate"] = ("Satisfaction rate", "满意率"),
        ["count"] = ("Records", "记录数"),
        ["npsResponses"] = ("NPS answers", "NPS 回答数"),
        ["nps"] = ("NPS", "NPS"),
        ["sent"] = ("Sent", "发送"),
        ["answered"] = ("Answered", "已回答"),
        ["revoked"] = ("Revoked", "已撤回"),
        ["responseRate"] = ("Response rate", "回复率"),
        ["escalations"] = ("Escalations", "升级单"),
        ["responseCompliance"] = ("Response within SLA", "响应达标率"),
        ["resolutionCompliance"] = ("Resolution within SLA", "解决达标率"),
        ["dueIn"] = ("Due within 24 h", "24 小时内到期"),
        ["csat-trend.title"] = ("Satisfaction by week", "每周满意率"),
        ["csat-trend.desc"] = ("Share of first-visit feedback with verdict Satisfied, per ISO week. Select a week for its unsatisfied customers.", "首次回访中评价为满意的比例（按 ISO 周）。点选某周可查看该周不满意的客户。"),
        ["score-distribution.title"] = ("Score distribution (1–5)", "评分分布（1–5 分）"),
        ["score-distribution.desc"] = ("First-visit feedback per overall score in the period. Select a score for its records.", "该时段首次回访按总体评分的记录数。点选评分可查看对应记录。"),
        ["nps.title"] = ("NPS by week", "每周 NPS"),
        ["nps.desc"] = ("Net promoter score (% promoters 9–10 minus % detractors 0–6), −100 to 100, per ISO week.", "净推荐值（推荐者 9–10 分的比例减去贬损者 0–6 分的比例），−100 至 100，按 ISO 周。"),
        ["response-rate.title"] = ("Survey response rate by channel", "各渠道问卷回复率"),
        ["response-rate.desc"] = ("Survey links answered ÷ (sent − revoked), per channel, for links sent in the period.", "该时段发出的问卷链接：已回答 ÷（发送 − 撤回），按渠道。"),
        ["sla-compliance.title"] = ("SLA compliance by department", "各部门 SLA 达标率"),
        ["sla-compliance.desc"] = ("Handling cycles of escalations opened in the period that met the response and the resolution target.", "该时段开启的升级单中，按时响应与按时解决的处理周期比例。"),
        ["breaching-soon.title"] = ("Escalations due in the next 24 hours", "24 小时内即将超时的升级单"),
        ["breaching-soon.desc"] = ("Open escalations whose next SLA deadline falls within the next 24 hours, per handling department.", "下一个 SLA 截止时间在未来 24 小时内的未结升级单，按处理部门。"),
        ["breaching-soon.list"] = ("The escalations", "升级单列表"),
        ["dueBy"] = ("Due by", "截止时间"),
        ["hoursLeft"] = ("Hours left", "剩余小时"),
        ["status"] = ("Status", "状态"),
        ["severity"] = ("Severity", "级别"),
        ["workOrder"] = ("Work order", "工单"),
        ["customer"] = ("Customer", "客户"),
        ["recordedAt"] = ("Recorded", "记录时间"),
        ["comment"] = ("Comment", "留言"),
        ["categories"] = ("Categories", "类别"),
        ["serviceType"] = ("Service type", "服务类型"),
        ["openedAt"] = ("Opened", "开启时间"),
        ["breached"] = ("Breached", "已超时"),
        ["yes"] = ("yes", "是"),
        ["no"] = ("no", "否"),
        ["review-status.title"] = ("Weekly reviews by department", "各部门每周审阅"),
        ["review-status.desc"] = ("The weekly reviews of the weeks in the period, per department: unsatisfied items reviewed out of all, and the reviews completed, overdue and open.", "该时段各周的审阅，按部门：已审阅的不满意项与全部不满意项，以及已完成、已逾期和进行中的审阅。"),
        ["spot-check-pass-rate.title"] = ("Spot-check pass rate by agent", "各回访员抽查合格率"),
        ["spot-check-pass-rate.desc"] = ("Visits spot-checked in the period that passed (real, complete, objective, on time), per agent.", "该时段被抽查的回访中合格（真实、完整、客观、及时）的比例，按回访员。"),
        ["corrective-actions.title"] = ("Corrective actions", "纠正预防措施"),
        ["corrective-actions.desc"] = ("Corrective and preventive actions open and overdue now, and closed in the period.", "当前未关闭与已逾期的纠正预防措施，以及该时段内关闭的措施。"),
        ["corrective-actions.list"] = ("Open actions", "未关闭的措施"),
        ["notAvailable"] = ("These figures are not available on this installation yet.", "本系统暂未提供这些数据。"),
        ["items"] = ("Items", "不满意项"),
        ["itemsReviewed"] = ("Reviewed", "已审阅"),
        ["reviewState"] = ("Review", "审阅"),
        ["review.completed"] = ("completed", "已完成"),
        ["review.open"] = ("open", "进行中"),
        ["review.overdue"] = ("overdue", "已逾期"),
        ["checked"] = ("Checked", "抽查数"),
        ["passed"] = ("Passed", "合格数"),
        ["passRate"] = ("Pass rate", "合格率"),
        ["ca.open"] = ("Open", "未关闭"),
        ["ca.overdue"] = ("Overdue", "已逾期"),
        ["ca.closed"] = ("Closed in the period", "本期关闭"),
        ["nonConformity"] = ("Non-conformity", "不合格项"),
        ["owner"] = ("Owner", "负责人"),
        ["dueDate"] = ("Due", "期限"),
        ["drill.unsatisfied.title"] = ("Unsatisfied customers, {0}", "不满意客户：{0}"),
        ["drill.feedback.title"] = ("Feedback with score {0}", "评分为 {0} 的回访记录"),
        ["drill.weekFeedback.title"] = ("Feedback of {0}", "{0} 的回访记录"),
        ["drill.escalations.title"] = ("Escalations of {0}", "{0} 的升级单"),
        ["drill.invitations.title"] = ("Survey invitations by {0}", "{0} 渠道的问卷邀请"),
        ["drill.reviews.title"] = ("Review items of {0}", "{0} 的审阅项"),
        ["drill.spotChecks.title"] = ("Spot-checked visits of {0}", "{0} 的抽查记录"),
        ["decision"] = ("Decision", "处理决定"),
        ["note"] = ("Note", "备注"),
        ["level"] = ("Level", "抽查层级"),
        ["result"] = ("Result", "结果"),
        ["failed"] = ("Failed", "不合格"),
        ["pass"] = ("Passed", "合格"),
        ["drill.truncated"] = ("Only the first {0} are listed.", "仅列出前 {0} 条。"),
        ["drill.count"] = ("{0} records", "共 {0} 条"),
        ["bad.title"] = ("The filters could not be read", "无法读取筛选条件"),
        ["bad.body"] = ("Please correct the following and try again:", "请更正以下内容后重试："),
        ["bad.date"] = ("{0} must be a date written as YYYY-MM-DD.", "{0} 必须是 YYYY-MM-DD 格式的日期。"),
        ["bad.once"] = ("{0} may be given only once.", "{0} 只能出现一次。"),
        ["bad.order"] = ("The end date must not be before the start date.", "结束日期不能早于开始日期。"),
        ["bad.tooLong"] = ("The period covers at most {0} days.", "时段最长 {0} 天。"),
        ["bad.department"] = ("The department must be at most {0} characters and not blank.", "部门最多 {0} 个字符且不能只含空白。"),
        ["bad.value"] = ("A value holds a character that cannot be read (for example a control character).", "参数中包含无法读取的字符（例如控制字符）。"),
        ["bad.score"] = ("The score must be a whole number from 1 to 5.", "评分必须是 1 到 5 的整数。"),
        ["bad.week"] = ("The week must be an ISO week such as 2026-W48.", "周必须是 ISO 周，例如 2026-W48。"),
        ["bad.channel"] = ("Unknown channel.", "未知渠道。"),
        ["stale.title"] = ("The form has expired", "表单已过期"),
        ["stale.body"] = ("Please load the page again and send the form once more.", "请重新加载页面后再次提交。"),
        ["tooLarge.title"] = ("The form is too large", "提交的内容过大"),
        ["tooLarge.body"] = ("Please go back and paste only the key or the token.", "请返回，只粘贴密钥或令牌。"),
        ["unsupported.title"] = ("The form could not be read", "无法读取提交的内容"),
        ["unsupported.body"] = ("Please send the form from the page.", "请在页面上填写并提交表单。"),
        ["notFound.title"] = ("Not found", "未找到"),
        ["notFound.body"] = ("There is no such page on the dashboard.", "看板上没有这个页面。"),
    };

    private static readonly Dictionary<string, (string En, string Zh)> Channels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Phone"] = ("Phone", "电话"),
        ["Sms"] = ("SMS", "短信"),
        ["Email"] = ("Email", "邮件"),
        ["App"] = ("App", "应用"),
        ["Questionnaire"] = ("Questionnaire", "问卷"),
        ["OnSite"] = ("On site", "上门"),
        ["Letter"] = ("Letter", "信函"),
    };

    public static string Get(string language, string key, params object?[] args)
    {
        var (en, zh) = Texts[key];
        var template = language == Chinese ? zh : en;
        return args.Length == 0 ? template : string.Format(CultureInfo.InvariantCulture, template, args);
    }

    public static string Channel(string language, string channel) =>
        Channels.TryGetValue(channel, out var t) ? (language == Chinese ? t.Zh : t.En) : channel;

    /// <summary>The page's language: <c>?lang=</c> when it names one of the two, else the request's (Accept-Language).</summary>
    public static (string Language, bool Explicit) For(string? requested, CultureInfo culture) => Normalize(requested) is { } chosen
        ? (chosen, true)
        : (culture.TwoLetterISOLanguageName == "zh" ? Chinese : English, false);

    public static string? Normalize(string? language) => language switch
    {
        null or "" => null,
        _ when language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) => Chinese,
        _ when language.StartsWith("en", StringComparison.OrdinalIgnoreCase) => English,
        _ => null,
    };
}
