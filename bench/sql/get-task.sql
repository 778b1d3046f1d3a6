-- Baseline for "get one task": the statement GET /api/v1/visit-tasks/{id} sends (task with its attempts).
\set k random(1, :tasks)
SELECT v1."Id", v1."Assignee", v1."CancellationReason", v1."Channel", v1."ClosedAt", v1."CreatedAt", v1."CustomerExternalId", v1."CustomerName", v1."CustomerPhone", v1."CustomerPreferredChannel", v1."DoNotDisturbOverrideReason", v1."DueBy", v1."DueFrom", v1."DueRule", v1."EscalationId", v1."FailedAttempts", v1."OverdueRaisedAt", v1."PersonalDataErasedAt", v1."Purpose", v1."ScheduledFor", v1."ServiceCompletedAt", v1."ServiceDepartment", v1."ServiceDescription", v1."ServiceStaff", v1."ServiceType", v1."Status", v1."TenantId", v1."UpdatedAt", v1."Version", v1."WorkOrderNo", v0."Id", v0."AttemptedAt", v0."CallbackAt", v0."Note", v0."Outcome", v0."RecordedBy", v0."VisitTaskId"
FROM (SELECT v.* FROM "VisitTasks" AS v WHERE v."TenantId" = 'bench' AND v."Id" = md5('api-task-' || (:k)::int)::uuid LIMIT 1) AS v1
LEFT JOIN "VisitTaskAttempts" AS v0 ON v1."Id" = v0."VisitTaskId"
ORDER BY v1."Id";
