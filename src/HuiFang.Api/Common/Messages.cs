using System.Globalization;

namespace HuiFang.Api.Common;

/// <summary>
/// The service's own messages in English and Chinese. The language follows the request's
/// <c>Accept-Language</c> (through <see cref="CultureInfo.CurrentUICulture"/>); English is the default.
/// </summary>
public static class Messages
{
    private static readonly Dictionary<string, (string En, string Zh)> Catalogue = new()
    {
        ["problem.validation.title"] = ("One or more fields are invalid.", "请求参数有误。"),
        ["problem.validation.detail"] = ("See 'errors' for what is wrong with each field.", "请查看 errors 中每个字段的错误说明。"),
        ["problem.notFound.title"] = ("Not found", "资源不存在"),
        ["problem.conflict.title"] = ("Conflict", "请求冲突"),
        ["problem.invalidTransition.title"] = ("Invalid state transition", "当前状态不允许此操作"),
        ["problem.badRequest.title"] = ("Malformed request", "请求格式错误"),
        ["problem.unexpected.title"] = ("An unexpected error occurred.", "服务器发生意外错误。"),
        ["problem.unexpected.detail"] = ("The error was logged; quote the traceId when reporting it.", "错误已记录，反馈问题时请提供 traceId。"),
        ["problem.unavailable.title"] = ("The database is unavailable.", "数据库暂时不可用。"),
        ["problem.unavailable.detail"] = ("Nothing was changed; retry after the time in Retry-After.", "本次请求未做任何修改，请在 Retry-After 所示时间后重试。"),
        ["problem.route.detail"] = ("No endpoint answers {0} {1}.", "没有接口响应 {0} {1}。"),
        ["problem.status.title"] = ("The request failed with status {0}.", "请求失败，状态码 {0}。"),
        ["problem.malformedJson"] = ("The request body is not valid JSON (line {0}, byte {1}).", "请求体不是有效的 JSON（第 {0} 行，第 {1} 字节）。"),
        ["problem.emptyBody"] = ("A JSON request body is required.", "需要 JSON 格式的请求体。"),
        ["problem.invalidJsonValue"] = ("This value is not valid here (wrong type, unknown value or impossible date).", "该值无效（类型错误、未知取值或不存在的日期）。"),
        ["problem.invalidParameter"] = ("'{0}' is not a valid value for this parameter.", "“{0}”不是该参数的有效取值。"),
        ["problem.unsupportedMediaType"] = ("Send the body as application/json.", "请求体必须是 application/json。"),
        ["problem.preconditionFailed.title"] = ("Precondition failed", "前置条件不满足"),
        ["problem.unprocessable.title"] = ("Request cannot be processed", "请求无法处理"),
        ["problem.gone.title"] = ("No longer available", "已不可用"),
        ["auth.unauthenticated.title"] = ("Authentication required", "需要身份认证"),
        ["auth.missing"] = ("Send an API key as X-Api-Key or a bearer token in Authorization.", "请在 X-Api-Key 中提供 API 密钥，或在 Authorization 中提供 Bearer 令牌。"),
        ["auth.unknownKey"] = ("The API key is unknown, revoked or expired.", "API 密钥不存在、已吊销或已过期。"),
        ["auth.severalKeys"] = ("Send exactly one X-Api-Key header.", "只能提供一个 X-Api-Key 请求头。"),
        ["auth.invalidToken"] = ("The bearer token is invalid or expired.", "Bearer 令牌无效或已过期。"),
        ["auth.noTenantClaim"] = ("The bearer token has no valid tenant claim '{0}'.", "Bearer 令牌缺少有效的租户声明“{0}”。"),
        ["auth.forbidden.title"] = ("Not allowed", "无权执行此操作"),
        ["auth.forbidden.detail"] = ("This call needs scope '{0}'; the caller has: {1}.", "此操作需要权限范围“{0}”；调用方拥有：{1}。"),
        ["apiKey.scopeNotHeld"] = ("A key can only be given scopes its creator holds; not held: {0}.", "只能授予创建者自身拥有的权限范围；未拥有：{0}。"),
        ["apiKey.notFound"] = ("API key {0} does not exist.", "API 密钥 {0} 不存在。"),
        ["limits.rateLimited.title"] = ("Too many requests", "请求过于频繁"),
        ["limits.rateLimited.detail"] = ("The caller's request rate limit is exhausted; retry after {0} s.", "调用方请求频率超限，请在 {0} 秒后重试。"),
        ["limits.bodyTooLarge.title"] = ("Request body too large", "请求体过大"),
        ["limits.bodyTooLarge.detail"] = ("The request body must not exceed {0} bytes.", "请求体不能超过 {0} 字节。"),
        ["idempotency.invalidKey"] = ("Idempotency-Key must be one string of 1 to 255 visible ASCII characters, e.g. \"4f0b2c1e-…\".", "Idempotency-Key 必须是 1 到 255 个可见 ASCII 字符组成的字符串。"),
        ["idempotency.keyReused"] = ("Idempotency-Key '{0}' was already used for a different request; use a new key for a new request.", "Idempotency-Key“{0}”已用于另一个不同的请求，新请求请使用新的键。"),
        ["idempotency.inFlight"] = ("A request with this Idempotency-Key is still being processed; retry shortly to get its response.", "使用该 Idempotency-Key 的请求仍在处理中，请稍后重试以获取其结果。"),
        ["visitTask.preconditionFailed"] = ("Visit task {0} has changed: its ETag is now {1}. Read it again and retry.", "回访任务 {0} 已被修改，当前 ETag 为 {1}，请重新读取后再试。"),
        ["tenant.preconditionFailed"] = ("The tenant's settings have changed: their ETag is now {0}.", "租户设置已被修改，当前 ETag 为 {0}。"),
        ["tenant.concurrentChange"] = ("The tenant's settings were changed by another request at the same time; read them again and retry.", "租户设置同时被其他请求修改，请重新读取后再试。"),
        ["validation.ifMatch"] = ("If-Match must be * or a list of entity tags in quotes, e.g. \"3\".", "If-Match 必须是 * 或带引号的实体标签列表，例如 \"3\"。"),
        ["validation.unknownScope"] = ("'{0}' is not a scope; known scopes: {1}.", "“{0}”不是有效的权限范围；可用范围：{1}。"),
        ["escalation.notFound"] = ("Escalation {0} does not exist.", "升级工单 {0} 不存在。"),
        ["escalation.invalidTransition"] = ("Cannot {0} an escalation that is {1}.", "升级工单当前状态为 {1}，不能执行 {0}。"),
        ["escalation.notAcknowledged"] = ("Escalation {0} was never acknowledged: acknowledge it (first response) before resolving it.", "升级工单 {0} 尚未受理（首次响应），不能直接办结。"),
        ["escalation.alreadyOpen"] = ("Visit task {0} already has an escalation that is not closed ({1}); add to it instead.", "回访任务 {0} 已有未关闭的升级工单（{1}），请在该工单上继续处理。"),
        ["escalation.revisitTask"] = ("Visit task {0} is a revisit: problems found on it reopen its escalation through its feedback.", "回访任务 {0} 是二次回访任务，其发现的问题通过回访记录重新打开原升级工单。"),
        ["escalation.preconditionFailed"] = ("Escalation {0} has changed: its ETag is now {1}. Read it again and retry.", "升级工单 {0} 已被修改，当前 ETag 为 {1}，请重新读取后再试。"),
        ["escalation.concurrentChange"] = ("Escalation {0} was changed by another request at the same time; read it again and retry.", "升级工单 {0} 同时被其他请求修改，请重新读取后再试。"),
        ["escalation.ownerNeedsDepartment"] = ("An owner can only be given together with a department.", "指定负责人时必须同时指定部门。"),
        ["feedback.notFound"] = ("Feedback {0} does not exist.", "回访记录 {0} 不存在。"),
        ["feedback.concurrentChange"] = ("Feedback {0} was changed by another request at the same time; read it again and retry.", "回访记录 {0} 同时被其他请求修改，请重新读取后再试。"),
        ["feedback.superseded"] = ("Feedback {0} was already corrected by {1}; correct the newest record.", "回访记录 {0} 已被 {1} 更正，请更正最新的记录。"),
        ["feedback.noOpenInquiry"] = ("Feedback {0} has no unanswered inquiry to reply to.", "回访记录 {0} 没有待答复的咨询。"),
        ["feedback.complaintLevelRequired"] = ("Required when the categories include Complaint.", "类别包含投诉时必须填写投诉等级。"),
        ["feedback.complaintLevelOnlyWithComplaint"] = ("Only allowed when the categories include Complaint.", "仅当类别包含投诉时才能填写。"),
        ["feedback.inquiryOnlyWithInquiry"] = ("Only allowed when the categories include Inquiry.", "仅当类别包含咨询时才能填写。"),
        ["feedback.replyByNeedsInquiry"] = ("Only allowed together with pendingInquiry.", "只能与 pendingInquiry 一起填写。"),
        ["feedback.distinctCategories"] = ("Give each category once.", "每个类别只能出现一次。"),
        ["feedback.callEndedBeforeTask"] = ("Must not be before the visit task was created.", "不能早于回访任务的创建时间。"),
        ["policy.verdictBands"] = ("Need 1 ≤ unsatisfiedUpTo < satisfiedFrom ≤ 5.", "必须满足 1 ≤ unsatisfiedUpTo < satisfiedFrom ≤ 5。"),
        ["policy.revisitClosesFrom"] = ("Must be Satisfied or Neutral.", "必须为 Satisfied 或 Neutral。"),
        ["policy.duration"] = ("Must be longer than {0} and at most {1}.", "必须大于 {0} 且不超过 {1}。"),
        ["policy.routeOverlap"] = ("routes[{0}] overlaps routes[{1}]: both match service type '{2}' and department '{3}'.", "routes[{0}] 与 routes[{1}] 重叠：二者都匹配服务类型“{2}”和部门“{3}”。"),
        ["sla.summary"] = ("{0}: {1} of {2} counted from {3}, {4} paused; due {5}; {6}.", "{0}：自 {3} 起按{2}计 {1}，暂停 {4}；截止 {5}；{6}。"),
        ["sla.response"] = ("Response", "响应"),
        ["sla.resolution"] = ("Resolution", "解决"),
        ["sla.wallClock"] = ("wall-clock time", "自然时间"),
        ["sla.businessHours"] = ("working time", "工作时间"),
        ["sla.pausedNoDue"] = ("not while paused", "暂停期间无截止时间"),
        ["visitTask.notFound"] = ("Visit task {0} does not exist.", "回访任务 {0} 不存在。"),
        ["visitTask.invalidTransition"] = ("Cannot {0} a visit task that is {1}.", "回访任务当前状态为 {1}，不能执行 {0}。"),
        ["visitTask.duplicate"] = ("A visit task for work order {0} with purpose {1} already exists; see existingTaskId.", "工单 {0} 已存在回访目的为 {1} 的任务，见 existingTaskId。"),
        ["visitTask.doNotDisturb"] = (
            "The customer already has a follow-up within {0} days (task {1}). To plan another, send doNotDisturbOverride with a reason.",
            "该客户在 {0} 天内已有回访（任务 {1}）。如确需再次回访，请在 doNotDisturbOverride 中说明原因。"),
        ["visitTask.concurrentChange"] = ("Visit task {0} was changed by another request at the same time; read it again and retry.", "回访任务 {0} 同时被其他请求修改，请重新读取后再试。"),
        ["validation.future"] = ("Must be in the future.", "必须是将来的时间。"),
        ["validation.notFuture"] = ("Must not be in the future.", "不能是将来的时间。"),
        ["validation.dueByBeforeScheduled"] = ("Must not be before scheduledFor.", "不能早于 scheduledFor。"),
        ["validation.dueByBeforeDueFrom"] = ("Must not be before dueFrom.", "不能早于 dueFrom。"),
        ["validation.callbackRequired"] = ("Required when the outcome is CallbackRequested.", "结果为 CallbackRequested 时必填。"),
        ["validation.callbackOnlyWithCallback"] = ("Only allowed when the outcome is CallbackRequested.", "仅当结果为 CallbackRequested 时可填。"),
        ["validation.offsetRequired"] = ("Must be an ISO-8601 timestamp with an offset, e.g. 2026-11-20T10:00:00+08:00 (encode '+' as %2B in a query string).", "必须是带时区偏移的 ISO-8601 时间，例如 2026-11-20T10:00:00+08:00（查询参数中的 '+' 需编码为 %2B）。"),
        ["validation.cursor"] = ("Not a valid cursor; pass the nextCursor of a previous page unchanged.", "游标无效，请原样传入上一页返回的 nextCursor。"),
        ["validation.eventType"] = ("Unknown event type '{0}'; known types: {1}.", "未知的事件类型“{0}”；可用的类型：{1}。"),
        ["events.cursorExpired"] = ("Events after this cursor may have been purged: published events are kept for {0} days. Read the feed again from the start (no 'after') and skip events by eventId.", "该游标之后的事件可能已被清理：已发布的事件保留 {0} 天。请不带 after 从头读取事件流，并按 eventId 去重。"),
        ["validation.range"] = ("Must be between {0} and {1}.", "必须在 {0} 到 {1} 之间。"),
        ["validation.batchSize"] = ("A batch holds between 1 and {0} items.", "批量请求须包含 1 到 {0} 条。"),
        ["validation.phone"] = ("Must be a phone number: digits, optionally with a leading + and separators.", "必须是电话号码：数字，可带前导 + 和分隔符。"),
        ["validation.afterBefore"] = ("dueAfter must not be later than dueBefore.", "dueAfter 不能晚于 dueBefore。"),
        ["validation.tooFarAhead"] = ("Must be at most {0} days from now.", "不能晚于当前时间 {0} 天之后。"),
        ["validation.tooOld"] = ("Must be within the last {0} days.", "必须在最近 {0} 天之内。"),
    };

    public static bool IsChinese(CultureInfo culture) => culture.TwoLetterISOLanguageName == "zh";

    public static string Get(string key, params object?[] args)
    {
        if (!Catalogue.TryGetValue(key, out var texts))
        {
            return key;
        }

        var template = IsChinese(CultureInfo.CurrentUICulture) ? texts.Zh : texts.En;
        return args.Length == 0 ? template : string.Format(CultureInfo.InvariantCulture, template, args);
    }
}
