-- Baseline for "list a page": the statement GET /api/v1/visit-tasks?assignee=agent-N&limit=50 sends
-- (one page more than asked, to know whether there is a next page, with each task's attempts).
\set a random(0, 19)
SELECT v1."Id", v1."Assignee", v1."CancellationReason", v1."Channel", v1."ClosedAt", v1."CreatedAt", v1."CustomerExternalId", v1."CustomerName", v1."CustomerPhone", v1."CustomerPreferredChannel", v1."DoNotDisturbOverrideReason", v1."DueBy", v1."DueFrom", v1."DueRule", v1."EscalationId", v1."FailedAttempts", v1."OverdueRaisedAt", v1."PersonalDataErasedAt", v1."Purpose", v1."ScheduledFor", v1."ServiceCompletedAt", v1."ServiceDepartment", v1."ServiceDescription", v1."ServiceStaff", v1."ServiceType", v1."Status", v1."TenantId", v1."UpdatedAt", v1."Version", v1."WorkOrderNo", v0."Id", v0."AttemptedAt", v0."CallbackAt", v0."Note", v0."Outcome", v0."RecordedBy", v0."VisitTaskId"
FROM (SELECT v.* FROM "VisitTasks" AS v WHERE v."TenantId" = 'bench' AND v."Assignee" = 'agent-' || (:a)::int ORDER BY v."DueBy", v."Id" LIMIT 51) AS v1
LEFT JOIN "VisitTaskAttempts" AS v0 ON v1."Id" = v0."VisitTaskId"
ORDER BY v1."DueBy", v1."Id";
