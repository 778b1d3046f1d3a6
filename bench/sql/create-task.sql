-- Baseline for "create visit task": the statements POST /api/v1/visit-tasks sends (read off PostgreSQL's
-- statement log), with the same values: the customer's planning lock, the duplicate and do-not-disturb
-- checks, then the audit entry, the VisitTaskCreated outbox row and the task row in one transaction.
\set n random(1, 2000000000)
BEGIN;
SELECT pg_advisory_xact_lock(1212547073, hashtext('bench/PGB-' || (:client_id)::int || '-' || (:n)::int));
SELECT v."Id" FROM "VisitTasks" AS v
 WHERE v."TenantId" = 'bench' AND v."WorkOrderNo" = 'WO-PGB-' || (:client_id)::int || '-' || (:n)::int AND v."Purpose" = 'AfterSales' AND v."Status" <> 'Cancelled' AND v."EscalationId" IS NULL
 LIMIT 1;
SELECT v."Id", v."ScheduledFor" FROM "VisitTasks" AS v
 WHERE v."TenantId" = 'bench' AND v."CustomerExternalId" = 'PGB-' || (:client_id)::int || '-' || (:n)::int AND v."Status" <> 'Cancelled' AND v."Purpose" <> 'ComplaintFollowUp'
   AND v."ScheduledFor" > now() - interval '30 days' AND v."ScheduledFor" < now() + interval '30 days'
 ORDER BY v."ScheduledFor" LIMIT 1;
INSERT INTO "AuditEntries" ("Id", "Action", "ActorId", "ActorKind", "ActorName", "Details", "Note", "OccurredAt", "SubjectId", "SubjectType", "TenantId", "Version")
VALUES (gen_random_uuid(), 'created', '01a211c8-765e-7043-8823-d4008adab832', 'ApiKey', 'bench',
        '{"status":"Assigned","purpose":"AfterSales","channel":"Phone","assignee":"agent-07","dueFrom":"2026-11-25T01:00:00\u002B00:00","dueBy":"2026-12-01T10:00:00\u002B00:00","dueRule":"AfterSalesWorkingDays","scheduledFor":"2026-11-25T08:18:10.5108035\u002B00:00"}',
        NULL, now(), gen_random_uuid()::text, 'VisitTask', 'bench', 1);
INSERT INTO "OutboxMessages" ("Attempts", "CustomerExternalId", "EventId", "LastError", "OccurredAt", "Payload", "PublishedAt", "StreamId", "TenantId", "Type", "Version")
VALUES (0, 'PGB-' || (:client_id)::int || '-' || (:n)::int, gen_random_uuid(), NULL, now(),
        '{"eventId":"01a211c8-9fce-7036-8003-adee8b0c2c56","occurredAt":"2026-11-25T08:18:10.5108035+00:00","tenantId":"bench","taskId":"01a211c8-9fce-7c31-81ec-b6af94827845","customerExternalId":"C-2","workOrderNo":"WO-2","serviceType":"Repair","purpose":"AfterSales","channel":"Phone","assignee":"agent-07","status":"Assigned","dueFrom":"2026-11-25T01:00:00+00:00","dueBy":"2026-12-01T10:00:00+00:00","scheduledFor":"2026-11-25T08:18:10.5108035+00:00"}',
        -- Published at once, as the API's dispatcher does within milliseconds: the baseline's outbox stays as small as the API's.
        now(), 'visit-task/' || (:client_id)::int || '-' || (:n)::int, 'bench', 'VisitTaskCreated', 1)
RETURNING "Id", "TransactionId";
INSERT INTO "VisitTasks" ("Id", "Assignee", "CancellationReason", "Channel", "ClosedAt", "CreatedAt", "CustomerExternalId", "CustomerName", "CustomerPhone", "CustomerPreferredChannel", "DoNotDisturbOverrideReason", "DueBy", "DueFrom", "DueRule", "EscalationId", "FailedAttempts", "OverdueRaisedAt", "PersonalDataErasedAt", "Purpose", "ScheduledFor", "ServiceCompletedAt", "ServiceDepartment", "ServiceDescription", "ServiceStaff", "ServiceType", "Status", "TenantId", "UpdatedAt", "Version", "WorkOrderNo")
VALUES (gen_random_uuid(), 'agent-07', NULL, 'Phone', NULL, now(), 'PGB-' || (:client_id)::int || '-' || (:n)::int, '王先生', '13812345678', 'Phone', NULL,
        now() + interval '6 days', now(), 'AfterSalesWorkingDays', NULL, 0, NULL, NULL, 'AfterSales', now(), now() - interval '5 days', 'AfterSales', '空调故障维修', '李师傅', 'Repair', 'Assigned', 'bench', now(), 1, 'WO-PGB-' || (:client_id)::int || '-' || (:n)::int);
COMMIT;
