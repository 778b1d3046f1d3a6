-- Baseline for "record feedback that opens an escalation": the statements POST .../feedback sends for a
-- score-1 urgent complaint (read off PostgreSQL's statement log): load the task with its attempts, the
-- tenant's escalation policy and any open escalation, then two audit entries, the escalation, the feedback,
-- three outbox rows (ComplaintEscalated, FeedbackRecorded, CustomerUnsatisfied) and the task's update.
-- Tasks are bench/run's own seeded copies (ids md5('pgb-task-' || k)), never the API's.
\set k random(1, :tasks)
BEGIN;
SELECT v1."Id", v1."Assignee", v1."CancellationReason", v1."Channel", v1."ClosedAt", v1."CreatedAt", v1."CustomerExternalId", v1."CustomerName", v1."CustomerPhone", v1."CustomerPreferredChannel", v1."DoNotDisturbOverrideReason", v1."DueBy", v1."DueFrom", v1."DueRule", v1."EscalationId", v1."FailedAttempts", v1."OverdueRaisedAt", v1."PersonalDataErasedAt", v1."Purpose", v1."ScheduledFor", v1."ServiceCompletedAt", v1."ServiceDepartment", v1."ServiceDescription", v1."ServiceStaff", v1."ServiceType", v1."Status", v1."TenantId", v1."UpdatedAt", v1."Version", v1."WorkOrderNo", v0."Id", v0."AttemptedAt", v0."CallbackAt", v0."Note", v0."Outcome", v0."RecordedBy", v0."VisitTaskId"
FROM (SELECT v.* FROM "VisitTasks" AS v WHERE v."TenantId" = 'bench' AND v."Id" = md5('pgb-task-' || (:k)::int)::uuid LIMIT 1) AS v1
LEFT JOIN "VisitTaskAttempts" AS v0 ON v1."Id" = v0."VisitTaskId"
ORDER BY v1."Id";
SELECT t."EscalationPolicyJson" FROM "Tenants" AS t WHERE t."Id" = 'bench' LIMIT 1;
SELECT e1.*, e0."Id", e0."At", e0."By", e0."Cycle", e0."EscalationId", e0."Kind", e0."Text"
FROM (SELECT e.* FROM "Escalations" AS e WHERE e."TenantId" = 'bench' AND e."TaskId" = md5('pgb-task-' || (:k)::int)::uuid AND e."Status" <> 'Closed' LIMIT 1) AS e1
LEFT JOIN "EscalationNotes" AS e0 ON e1."Id" = e0."EscalationId"
ORDER BY e1."Id";
INSERT INTO "AuditEntries" ("Id", "Action", "ActorId", "ActorKind", "ActorName", "Details", "Note", "OccurredAt", "SubjectId", "SubjectType", "TenantId", "Version")
VALUES (gen_random_uuid(), 'opened', '01a211c8-765e-7043-8823-d4008adab832', 'ApiKey', 'bench',
        '{"taskId":"01a211c8-9fce-7c31-81ec-b6af94827845","feedbackId":"01a211c8-cece-7f46-a07a-e340ca2af4b7","severity":"Urgent","trigger":"Complaint","department":"AfterSales","responseDueBy":"2026-11-25T10:18:22.5423399\u002B00:00","resolutionDueBy":"2026-11-26T08:18:22.5423399\u002B00:00"}',
        NULL, now(), gen_random_uuid()::text, 'Escalation', 'bench', 1);
INSERT INTO "AuditEntries" ("Id", "Action", "ActorId", "ActorKind", "ActorName", "Details", "Note", "OccurredAt", "SubjectId", "SubjectType", "TenantId", "Version")
VALUES (gen_random_uuid(), 'feedback-recorded', '01a211c8-765e-7043-8823-d4008adab832', 'ApiKey', 'bench',
        '{"feedbackId":"01a211c8-cece-7f46-a07a-e340ca2af4b7","score":1,"verdict":"Unsatisfied","categories":["Complaint"],"complaintLevel":"Urgent","recordedLate": false,"escalationId":"01a211c8-cece-73b0-9707-33e4680ec9e7","escalation":"Opened"}',
        NULL, now(), md5('pgb-task-' || (:k)::int), 'VisitTask', 'bench', 2);
-- TaskId is a fresh id: k is drawn at random, and one task has one open escalation (a unique index).
-- NextCheckAt a month ahead: the API's escalations fall due in 90 minutes, after the run; neither wakes the monitor.
INSERT INTO "Escalations" ("Id", "AcknowledgedAt", "BreachCount", "ClosedAt", "CreatedAt", "CustomerExternalId", "Cycle", "CycleStartedAt", "Department", "FeedbackId", "HandedToManager", "LastReminderAt", "Level", "Manager", "MaxCycles", "NextCheckAt", "NextDueBy", "NextReminderAt", "OpenedAt", "Owner", "PersonalDataErasedAt", "Reason", "ReminderCount", "ReminderInterval", "Resolution", "ResolutionBreachedAt", "ResolutionClock", "ResolutionDueBy", "ResolutionTarget", "ResolutionWarnAt", "ResolutionWarnedAt", "ResolvedAt", "ResponseBreachedAt", "ResponseClock", "ResponseDueBy", "ResponseTarget", "ResponseWarnAt", "ResponseWarnedAt", "RevisitTaskId", "ServiceType", "Severity", "Status", "Supervisor", "TaskId", "TenantId", "Trigger", "UpdatedAt", "Version", "WarningPercent", "WorkOrderNo")
VALUES (gen_random_uuid(), NULL, 0, NULL, now(), 'PGB-' || (:k)::int, 1, now(), 'AfterSales', gen_random_uuid(), false, NULL, 'Department', NULL, 3,
        now() + interval '30 days', now() + interval '2 hours', NULL, now(), NULL, NULL, NULL, 0, 144000000000, NULL, NULL, 'WallClock', now() + interval '1 day', 864000000000, now() + interval '18 hours', NULL, NULL, NULL,
        'WallClock', now() + interval '2 hours', 72000000000, now() + interval '90 minutes', NULL, NULL, 'Repair', 'Urgent', 'Open', NULL, gen_random_uuid(), 'bench', 'Complaint', now(), 1, 75, 'WO-PGB-' || (:k)::int);
INSERT INTO "FeedbackRecords" ("Id", "Assignee", "AttitudeScore", "CallDurationSeconds", "CallEndedAt", "CategoryMask", "Channel", "Comment", "ComplaintLevel", "CorrectionOf", "CorrectionReason", "CustomerExternalId", "CustomerSigned", "Department", "EscalationId", "InquiryOverdueAt", "InquiryRepliedAt", "InquiryReply", "InquiryReplyDueBy", "IsRevisit", "Nps", "PendingInquiry", "PersonalDataErasedAt", "ProfessionalismScore", "QualityScore", "RecordedAt", "RecordedBy", "RecordedLate", "Score", "ServiceType", "Suggestions", "SupersededBy", "TaskId", "TenantId", "TimelinessScore", "UnresolvedProblems", "Verdict", "Version", "WorkOrderNo")
VALUES (gen_random_uuid(), 'agent-07', NULL, NULL, NULL, 4, 'Phone', '空调又坏了', 'Urgent', NULL, NULL, 'PGB-' || (:k)::int, false, 'AfterSales', gen_random_uuid(), NULL, NULL, NULL, NULL, false, NULL, NULL, NULL, NULL, NULL,
        now(), NULL, false, 1, 'Repair', NULL, NULL, md5('pgb-task-' || (:k)::int)::uuid, 'bench', NULL, '空调不制冷', 'Unsatisfied', 1, 'WO-PGB-' || (:k)::int);
INSERT INTO "OutboxMessages" ("Attempts", "CustomerExternalId", "EventId", "LastError", "OccurredAt", "Payload", "PublishedAt", "StreamId", "TenantId", "Type", "Version")
VALUES (0, 'PGB-' || (:k)::int, gen_random_uuid(), NULL, now(),
        '{"eventId":"01a211c8-cece-79fd-80a7-72879e9f9928","occurredAt":"2026-11-25T08:18:22.5423399+00:00","tenantId":"bench","escalationId":"01a211c8-cece-73b0-9707-33e4680ec9e7","taskId":"01a211c8-9fce-7c31-81ec-b6af94827845","feedbackId":"01a211c8-cece-7f46-a07a-e340ca2af4b7","customerExternalId":"C-2","workOrderNo":"WO-2","department":"AfterSales","owner": null,"severity":"Urgent","level":"Department","cycle":1,"trigger":"Complaint","responseDueBy":"2026-11-25T10:18:22.5423399+00:00","resolutionDueBy":"2026-11-26T08:18:22.5423399+00:00"}',
        now(), 'escalation/pgb-' || (:k)::int, 'bench', 'ComplaintEscalated', 1)
RETURNING "Id", "TransactionId";
INSERT INTO "OutboxMessages" ("Attempts", "CustomerExternalId", "EventId", "LastError", "OccurredAt", "Payload", "PublishedAt", "StreamId", "TenantId", "Type", "Version")
VALUES (0, 'PGB-' || (:k)::int, gen_random_uuid(), NULL, now(),
        '{"eventId":"01a211c8-cece-792a-9186-485ea8568180","occurredAt":"2026-11-25T08:18:22.5423399+00:00","tenantId":"bench","feedbackId":"01a211c8-cece-7f46-a07a-e340ca2af4b7","taskId":"01a211c8-9fce-7c31-81ec-b6af94827845","customerExternalId":"C-2","workOrderNo":"WO-2","score":1,"verdict":"Unsatisfied","categories":["Complaint"],"complaintLevel":"Urgent","nps": null,"recordedLate": false,"escalationId":"01a211c8-cece-73b0-9707-33e4680ec9e7"}',
        now(), 'visit-task/pgb-' || (:k)::int, 'bench', 'FeedbackRecorded', 1)
RETURNING "Id", "TransactionId";
INSERT INTO "OutboxMessages" ("Attempts", "CustomerExternalId", "EventId", "LastError", "OccurredAt", "Payload", "PublishedAt", "StreamId", "TenantId", "Type", "Version")
VALUES (0, 'PGB-' || (:k)::int, gen_random_uuid(), NULL, now(),
        '{"eventId":"01a211c8-cece-78ab-b7a9-5d538c8588fb","occurredAt":"2026-11-25T08:18:22.5423399+00:00","tenantId":"bench","feedbackId":"01a211c8-cece-7f46-a07a-e340ca2af4b7","taskId":"01a211c8-9fce-7c31-81ec-b6af94827845","customerExternalId":"C-2","workOrderNo":"WO-2","score":1,"verdict":"Unsatisfied","categories":["Complaint"],"complaintLevel":"Urgent","department":"AfterSales","unresolvedProblems":"\u7A7A\u8C03\u4E0D\u5236\u51B7","escalationId":"01a211c8-cece-73b0-9707-33e4680ec9e7"}',
        now(), 'visit-task/pgb-' || (:k)::int, 'bench', 'CustomerUnsatisfied', 1)
RETURNING "Id", "TransactionId";
UPDATE "VisitTasks" SET "ClosedAt" = now(), "Status" = 'Completed', "UpdatedAt" = now(), "Version" = "Version" + 1
 WHERE "Id" = md5('pgb-task-' || (:k)::int)::uuid;
COMMIT;
