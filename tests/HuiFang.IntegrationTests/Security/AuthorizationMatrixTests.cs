using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HuiFang.Api.Domain.CorrectiveActions;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.IntegrationTests.Infrastructure;
using HuiFang.IntegrationTests.VisitTasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HuiFang.IntegrationTests.Security;

public sealed class SqliteAuthorizationMatrixTests(SqliteApiFixture fixture) : AuthorizationMatrixTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresAuthorizationMatrixTests(PostgresApiFixture fixture) : AuthorizationMatrixTests(fixture), IClassFixture<PostgresApiFixture>;

/// <summary>
/// Every endpoint the service maps × {no credentials, wrong scope, the right scope, another tenant}.
/// The endpoint list comes from the running service, so a new endpoint without a row here fails the
/// test instead of going unchecked.
/// </summary>
public abstract class AuthorizationMatrixTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    /// <summary>How to call one endpoint against a fresh task of tenant A, and what another tenant gets.</summary>
    private sealed record Case(Func<Target, HttpRequestMessage> Request, HttpStatusCode Success, OtherTenant Other);

    /// <summary>What a caller of tenant B sees: a 404 for tenant A's resource, or a success that holds nothing of tenant A.</summary>
    private enum OtherTenant
    {
        NotFound,
        SucceedsWithoutTenantAData,
    }

    /// <summary>Tenant A's resources a request is aimed at.</summary>
    private sealed record Target(Guid TaskId, string CustomerId, Guid ApiKeyId, int N, Guid FeedbackId, Guid OpenEscalation, Guid AcknowledgedEscalation, Guid PausedEscalation, string WorkOrderNo, Guid Invitation = default, Guid Questionnaire = default, CorrectiveActionTargets? Actions = null, Guid SpotCheck = default, Guid SpotCheckPick = default, Guid Review = default, Guid ReviewItem = default, Guid EmptyReview = default);

    /// <summary>Tenant A's corrective actions, one in each state a transition starts from.</summary>
    private sealed record CorrectiveActionTargets(Guid Proposed, Guid Open, Guid Implemented, Guid Verified, Guid NotEffective);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["CreateVisitTask"] = new(t => Post("/api/v1/visit-tasks", VisitTaskRequests.NewTask(customer: $"M-{t.N}", workOrder: $"WO-M-{t.N}")), HttpStatusCode.Created, OtherTenant.SucceedsWithoutTenantAData),
        ["CreateVisitTaskBatch"] = new(t => Post("/api/v1/visit-tasks/batch", new JsonObject { ["items"] = new JsonArray(VisitTaskRequests.NewTask(customer: $"MB-{t.N}", workOrder: $"WO-MB-{t.N}")) }), HttpStatusCode.OK, OtherTenant.SucceedsWithoutTenantAData),
        ["GetVisitTask"] = new(t => new(HttpMethod.Get, $"/api/v1/visit-tasks/{t.TaskId}"), HttpStatusCode.OK, OtherTenant.NotFound),
        ["GetVisitTaskHistory"] = new(t => new(HttpMethod.Get, $"/api/v1/visit-tasks/{t.TaskId}/history"), HttpStatusCode.OK, OtherTenant.NotFound),
        ["ListVisitTasks"] = new(t => new(HttpMethod.Get, $"/api/v1/visit-tasks?customerId={t.CustomerId}"), HttpStatusCode.OK, OtherTenant.SucceedsWithoutTenantAData),
        ["AssignVisitTask"] = new(t => Post($"/api/v1/visit-tasks/{t.TaskId}/assign", new JsonObject { ["assignee"] = "agent-09" }), HttpStatusCode.OK, OtherTenant.NotFound),
        ["RescheduleVisitTask"] = new(t => Post($"/api/v1/visit-tasks/{t.TaskId}/reschedule", new JsonObject { ["scheduledFor"] = "2026-11-26T14:00:00+08:00" }), HttpStatusCode.OK, OtherTenant.NotFound),
        ["CancelVisitTask"] = new(t => Post($"/api/v1/visit-tasks/{t.TaskId}/cancel", new JsonObject { ["reason"] = "test" }), HttpStatusCode.OK, OtherTenant.NotFound),
        ["RecordContactAttempt"] = new(t => Post($"/api/v1/visit-tasks/{t.TaskId}/attempts", new JsonObject { ["outcome"] = "NoAnswer" }), HttpStatusCode.OK, OtherTenant.NotFound),
        ["EraseCustomer"] = new(t => Post($"/api/v1/customers/{t.CustomerId}/erasure", new JsonObject()), HttpStatusCode.OK, OtherTenant.SucceedsWithoutTenantAData),
        ["GetDoNotContact"] = new(t => new(HttpMethod.Get, $"/api/v1/customers/{t.CustomerId}/do-not-contact"), HttpStatusCode.OK, OtherTenant.SucceedsWithoutTenantAData),
        ["SetDoNotContact"] = new(t => Put($"/api/v1/customers/{t.CustomerId}/do-not-contact", new JsonObject { ["reason"] = "matrix" }), HttpStatusCode.OK, OtherTenant.SucceedsWithoutTenantAData),
        ["ClearDoNotContact"] = new(t => new(HttpMethod.Delete, $"/api/v1/customers/{t.CustomerId}/do-not-contact"), HttpStatusCode.OK, OtherTenant.SucceedsWithoutTenantAData),
        ["CreateApiKey"] = new(_ => Post("/api/v1/admin/api-keys", new JsonObject { ["name"] = "matrix", ["scopes"] = new JsonArray("admin") }), HttpStatusCode.Created, OtherTenant.SucceedsWithoutTenantAData),
        ["ListApiKeys"] = new(_ => new(HttpMethod.Get, "/api/v1/admin/api-keys"), HttpStatusCode.OK, OtherTenant.SucceedsWithoutTenantAData),
        ["RevokeApiKey"] = new(t => new(HttpMethod.Delete, $"/api/v1/admin/api-keys/{t.ApiKeyId}"), HttpStatusCode.OK, OtherTenant.NotFound),
        ["GetTenantSettings"] = new(_ => new(HttpMethod.Get, "/api/v1/admin/tenant"), HttpStatusCode.OK, OtherTenant.SucceedsWithoutTenantAData),
        ["ListEvents"] = new(_ => new(HttpMethod.Get, "/api/v1/events?limit=1000"), HttpStatusCode.OK, OtherTenant.SucceedsWithoutTenantAData),
        ["RecordFeedback"] = new(t => Post($"/api/v1/visit-tasks/{t.TaskId}/feedback", new JsonObject { ["score"] = 5, ["categories"] = new JsonArray("Praise") }), HttpStatusCode.Created, OtherTenant.NotFound),
        ["ListFeedback"] = new(_ => new(HttpMethod.Get, "/api/v1/feedback?limit=200"), HttpStatusCode.OK, OtherTenant.SucceedsWithoutTenantAData),
        ["GetFeedback"] = new(t => new(HttpMethod.Get, $"/api/v1/feedback/{t.FeedbackId}"), HttpStatusCode.OK, OtherTenant.NotFound),
        ["CorrectFeedback"] = new(t => Post($"/api/v1/feedback/{t.FeedbackId}/corrections", new JsonObject { ["reason"] = "typo", ["feedback"] = new JsonObject { ["score"] = 4, ["categories"] = new JsonArray("Inquiry") } }), HttpStatusCode.Created, OtherTenant.NotFound),
        ["ReplyToInquiry"] = new(t => Post($"/api/v1/feedback/{t.FeedbackId}/inquiry-reply", new JsonObject { ["reply"] = "answered" }), HttpStatusCode.OK, OtherTenant.NotFound),
        ["OpenEscalation"] = new(t => Post("/api/v1/escalations", new JsonObject { ["taskId"] = t.TaskId, ["severity"] = "General", ["reason"] = "matrix" }), HttpStatusCode.Created, OtherTenant.NotFound),
        ["ListEscalations"] = new(_ => new(HttpMethod.Get, "/api/v1/escalations?limit=200"), HttpStatusCode.OK, OtherTenant.SucceedsWithoutTenantAData),
        ["GetEscalation"] = new(t => new(HttpMethod.Get, $"/api/v1/escalations/{t.OpenEscalation}"), HttpStatusCode.OK, OtherTenant.NotFound),
        ["GetEscalationHistory"] = new(t => new(HttpMethod.Get, $"/api/v1/escalations/{t.OpenEscalation}/history"), HttpStatusCode.OK, OtherTenant.NotFound),
        ["GetEscalationSla"] = new(t => new(HttpMethod.Get, $"/api/v1/escalations/{t.OpenEscalation}/sla"), HttpStatusCode.OK, OtherTenant.NotFound),
        ["AcknowledgeEscalation"] = new(t => Post($"/api/v1/escalations/{t.OpenEscalation}/acknowledge", new JsonObject()), HttpStatusCode.OK, OtherTenant.NotFound),
        ["AddEscalationProgress"] = new(t => Post($"/api/v1/escalations/{t.AcknowledgedEscalation}/progress", new JsonObject { ["note"] = "working" }), HttpStatusCode.OK, OtherTenant.NotFound),
        ["PauseEscalation"] = new(t => Post($"/api/v1/escalations/{t.OpenEscalation}/pause", new JsonObject { ["reason"] = "waiting" }), HttpStatusCode.OK, OtherTenant.NotFound),
        ["ResumeEscalation"] = new(t => Post($"/api/v1/escalations/{t.PausedEscalation}/resume", new JsonObject()), HttpStatusCode.OK, OtherTenant.NotFound),
        ["ResolveEscalation"] = new(t => Post($"/api/v1/escalations/{t.AcknowledgedEscalation}/resolve", new JsonObject { ["resolution"] = "fixed" }), HttpStatusCode.OK, OtherTenant.NotFound),
        ["ReassignEscalation"] = new(t => Post($"/api/v1/escalations/{t.OpenEscalation}/reassign", new JsonObject { ["department"] = "Engineering" }), HttpStatusCode.OK, OtherTenant.NotFound),
        ["RemindEscalation"] = new(t => Post($"/api/v1/escalations/{t.OpenEscalation}/remind", new JsonObject { ["note"] = "please" }), HttpStatusCode.OK, OtherTenant.NotFound),
        ["GetEscalationPolicy"] = new(_ => new(HttpMethod.Get, "/api/v1/policies/escalation"), HttpStatusCode.OK, OtherTenant.SucceedsWithoutTenantAData),
        ["UpdateEscalationPolicy"] = new(_ => Put("/api/v1/policies/escalation", new JsonObject { ["maxCycles"] = 3 }), HttpStatusCode.OK, OtherTenant.SucceedsWithoutTenantAData),
        ["ReceiveServiceRecord"] = new(t => Post("/api/v1/service-records", ServiceRecords.ServiceRecordRequests.Record($"WO-MR-{t.N}", "Repair", $"MR-{t.N}")), HttpStatusCode.Created, OtherTenant.SucceedsWithoutTenantAData),
        ["ReceiveServiceRecordBatch"] = new(t => Post("/api/v1/service-records/batch", new JsonObject { ["items"] = new JsonArray(ServiceRecords.ServiceRecordRequests.Record($"WO-MRB-{t.N}", "Repair", $"MRB-{t.N}")) }), HttpStatusCode.OK, OtherTenant.SucceedsWithoutTenantAData),
        ["GetServiceRecord"] = new(t => new(HttpMethod.Get, $"/api/v1/service-records/{t.WorkOrderNo}"), HttpStatusCode.OK, OtherTenant.NotFound),
        ["GetFollowUpPolicy"] = new(_ => new(HttpMethod.Get, "/api/v1/policies/follow-up"), HttpStatusCode.OK, OtherTenant.SucceedsWithoutTenantAData),
        ["UpdateFollowUpPolicy"] = new(_ => Put("/api/v1/policies/follow-up", new JsonObject { ["samplingKey"] = "matrix" }), HttpStatusCode.OK, OtherTenant.SucceedsWithoutTenantAData),
        ["GetSatisfactionReport"] = new(_ => new(HttpMethod.Get, "/api/v1/reports/satisfaction?from=2026-11-01&to=2026-11-30"), HttpStatusCode.OK, OtherTenant.SucceedsWithoutTenantAData),
        ["GetCategoryReport"] = new(_ => new(HttpMethod.Get, "/api/v1/reports/categories?from=2026-11-01&to=2026-11-30"), HttpStatusCode.OK, OtherTenant.SucceedsWithoutTenantAData),
        ["GetVisitReport"] = new(_ => new(HttpMethod.Get, "/api/v1/reports/visits?from=2026-11-01&to=2026-11-30"), HttpStatusCode.OK, OtherTenant.SucceedsWithoutTenantAData),
        ["GetCoverageReport"] = new(_ => new(HttpMethod.Get, "/api/v1/reports/coverage?from=2026-11-01&to=2026-11-30"), HttpStatusCode.OK, OtherTenant.SucceedsWithoutTenantAData),
        ["GetSurveyInvitationReport"] = new(_ => new(HttpMethod.Get, "/api/v1/reports/survey-invitations?from=2026-11-01&to=2026-11-30"), HttpStatusCode.OK, OtherTenant.SucceedsWithoutTenantAData),
        ["GetSlaReport"] = new(_ => new(HttpMethod.Get, "/api/v1/reports/sla?from=2026-11-01&to=2026-11-30"), HttpStatusCode.OK, OtherTenant.SucceedsWithoutTenantAData),
        ["GetUnsatisfiedList"] = new(_ => new(HttpMethod.Get, "/api/v1/reports/unsatisfied?from=2026-11-01&to=2026-11-30"), HttpStatusCode.OK, OtherTenant.SucceedsWithoutTenantAData),
        ["GetSurveyPolicy"] = new(_ => new(HttpMethod.Get, "/api/v1/policies/survey"), HttpStatusCode.OK, OtherTenant.SucceedsWithoutTenantAData),
        ["UpdateSurveyPolicy"] = new(_ => Put("/api/v1/policies/survey", new JsonObject { ["expiryDays"] = 14 }), HttpStatusCode.OK, OtherTenant.SucceedsWithoutTenantAData),
        ["GetQualityPolicy"] = new(_ => new(HttpMethod.Get, "/api/v1/policies/quality"), HttpStatusCode.OK, OtherTenant.SucceedsWithoutTenantAData),
        ["UpdateQualityPolicy"] = new(_ => Put("/api/v1/policies/quality", new JsonObject { ["recurrenceThreshold"] = 3 }), HttpStatusCode.OK, OtherTenant.SucceedsWithoutTenantAData),
        ["CreateSurveyInvitation"] = new(t => Post($"/api/v1/visit-tasks/{t.TaskId}/survey-invitations", new JsonObject()), HttpStatusCode.Created, OtherTenant.NotFound),
        ["ListSurveyInvitations"] = new(t => new(HttpMethod.Get, $"/api/v1/visit-tasks/{t.TaskId}/survey-invitations"), HttpStatusCode.OK, OtherTenant.NotFound),
        ["GetSurveyInvitation"] = new(t => new(HttpMethod.Get, $"/api/v1/survey-invitations/{t.Invitation}"), HttpStatusCode.OK, OtherTenant.NotFound),
        ["RevokeSurveyInvitation"] = new(t => Post($"/api/v1/survey-invitations/{t.Invitation}/revoke", new JsonObject()), HttpStatusCode.OK, OtherTenant.NotFound),
        ["GetCallScript"] = new(t => new(HttpMethod.Get, $"/api/v1/visit-tasks/{t.TaskId}/script"), HttpStatusCode.OK, OtherTenant.NotFound),
        ["CreateQuestionnaire"] = new(t => Post("/api/v1/questionnaires", QuestionnaireBody($"MQC-{t.N}")), HttpStatusCode.Created, OtherTenant.SucceedsWithoutTenantAData),
        ["ListQuestionnaires"] = new(_ => new(HttpMethod.Get, "/api/v1/questionnaires"), HttpStatusCode.OK, OtherTenant.SucceedsWithoutTenantAData),
        ["GetShippedQuestionnaire"] = new(_ => new(HttpMethod.Get, "/api/v1/questionnaires/default"), HttpStatusCode.OK, OtherTenant.SucceedsWithoutTenantAData),
        ["GetQuestionnaire"] = new(t => new(HttpMethod.Get, $"/api/v1/questionnaires/{t.Questionnaire}"), HttpStatusCode.OK, OtherTenant.NotFound),
        ["ReplaceQuestionnaire"] = new(t => Put($"/api/v1/questionnaires/{t.Questionnaire}", QuestionnaireBody($"MQ-{t.N}")), HttpStatusCode.OK, OtherTenant.NotFound),
        ["RetireQuestionnaire"] = new(t => new(HttpMethod.Delete, $"/api/v1/questionnaires/{t.Questionnaire}"), HttpStatusCode.OK, OtherTenant.NotFound),
        ["GetQuestionnaireVersion"] = new(t => new(HttpMethod.Get, $"/api/v1/questionnaires/{t.Questionnaire}/versions/1"), HttpStatusCode.OK, OtherTenant.NotFound),
        ["OpenCorrectiveAction"] = new(_ => Post("/api/v1/corrective-actions", new JsonObject { ["nonConformity"] = "matrix" }), HttpStatusCode.Created, OtherTenant.SucceedsWithoutTenantAData),
        ["ListCorrectiveActions"] = new(_ => new(HttpMethod.Get, "/api/v1/corrective-actions?limit=200"), HttpStatusCode.OK, OtherTenant.SucceedsWithoutTenantAData),
        ["GetCorrectiveAction"] = new(t => new(HttpMethod.Get, $"/api/v1/corrective-actions/{t.Actions!.Open}"), HttpStatusCode.OK, OtherTenant.NotFound),
        ["GetCorrectiveActionHistory"] = new(t => new(HttpMethod.Get, $"/api/v1/corrective-actions/{t.Actions!.Open}/history"), HttpStatusCode.OK, OtherTenant.NotFound),
        ["UpdateCorrectiveAction"] = new(t => new(HttpMethod.Patch, $"/api/v1/corrective-actions/{t.Actions!.Open}") { Content = JsonContent.Create(new JsonObject { ["owner"] = "matrix" }) }, HttpStatusCode.OK, OtherTenant.NotFound),
        ["AcceptCorrectiveAction"] = new(t => Post($"/api/v1/corrective-actions/{t.Actions!.Proposed}/accept", new JsonObject()), HttpStatusCode.OK, OtherTenant.NotFound),
        ["DismissCorrectiveAction"] = new(t => Post($"/api/v1/corrective-actions/{t.Actions!.Proposed}/dismiss", new JsonObject { ["reason"] = "matrix" }), HttpStatusCode.OK, OtherTenant.NotFound),
        ["ImplementCorrectiveAction"] = new(t => Post($"/api/v1/corrective-actions/{t.Actions!.Open}/implement", new JsonObject()), HttpStatusCode.OK, OtherTenant.NotFound),
        ["VerifyCorrectiveAction"] = new(t => Post($"/api/v1/corrective-actions/{t.Actions!.Implemented}/verify", new JsonObject { ["effective"] = true }), HttpStatusCode.OK, OtherTenant.NotFound),
        ["CloseCorrectiveAction"] = new(t => Post($"/api/v1/corrective-actions/{t.Actions!.Verified}/close", new JsonObject()), HttpStatusCode.OK, OtherTenant.NotFound),
        ["ReopenCorrectiveAction"] = new(t => Post($"/api/v1/corrective-actions/{t.Actions!.NotEffective}/reopen", new JsonObject()), HttpStatusCode.OK, OtherTenant.NotFound),
        ["LinkCorrectiveAction"] = new(t => Post($"/api/v1/corrective-actions/{t.Actions!.Open}/links", new JsonObject { ["feedbackIds"] = new JsonArray(t.FeedbackId.ToString()) }), HttpStatusCode.OK, OtherTenant.NotFound),
        ["GetCorrectiveActionReport"] = new(_ => new(HttpMethod.Get, "/api/v1/reports/corrective-actions?from=2026-11-01&to=2026-11-30"), HttpStatusCode.OK, OtherTenant.SucceedsWithoutTenantAData),
        ["OpenWeeklyReview"] = new(t => Post("/api/v1/reviews", new JsonObject { ["department"] = $"MO-{t.N}", ["week"] = "2026-W48" }), HttpStatusCode.Created, OtherTenant.SucceedsWithoutTenantAData),
        ["ListWeeklyReviews"] = new(_ => new(HttpMethod.Get, "/api/v1/reviews?limit=200"), HttpStatusCode.OK, OtherTenant.SucceedsWithoutTenantAData),
        ["GetWeeklyReview"] = new(t => new(HttpMethod.Get, $"/api/v1/reviews/{t.Review}"), HttpStatusCode.OK, OtherTenant.NotFound),
        ["GetWeeklyReviewHistory"] = new(t => new(HttpMethod.Get, $"/api/v1/reviews/{t.Review}/history"), HttpStatusCode.OK, OtherTenant.NotFound),
        ["DecideReviewItem"] = new(t => Post($"/api/v1/reviews/{t.Review}/items/{t.ReviewItem}/decision", new JsonObject { ["decision"] = "NoAction" }), HttpStatusCode.OK, OtherTenant.NotFound),
        ["CompleteWeeklyReview"] = new(t => Post($"/api/v1/reviews/{t.EmptyReview}/complete", new JsonObject()), HttpStatusCode.OK, OtherTenant.NotFound),
        ["GetReviewReport"] = new(_ => new(HttpMethod.Get, "/api/v1/reports/reviews?from=2026-11-01&to=2026-11-30"), HttpStatusCode.OK, OtherTenant.SucceedsWithoutTenantAData),
        ["UpdateTenantSettings"] = new(_ => Put("/api/v1/admin/tenant", new JsonObject { ["name"] = "Matrix", ["calendar"] = null }), HttpStatusCode.OK, OtherTenant.SucceedsWithoutTenantAData),

        // Spot-checks: reading is reports:read, every write quality:write.
        ["OpenSpotCheck"] = new(_ => Post("/api/v1/spot-checks", new JsonObject { ["month"] = "2026-11", ["level"] = "ProjectManager", ["countPerAgent"] = 1 }), HttpStatusCode.Created, OtherTenant.SucceedsWithoutTenantAData),
        ["PreviewSpotCheck"] = new(_ => new(HttpMethod.Get, "/api/v1/spot-checks/preview?month=2026-11&level=Supervisor&countPerAgent=1"), HttpStatusCode.OK, OtherTenant.SucceedsWithoutTenantAData),
        ["ListSpotChecks"] = new(_ => new(HttpMethod.Get, "/api/v1/spot-checks?limit=200"), HttpStatusCode.OK, OtherTenant.SucceedsWithoutTenantAData),
        ["GetSpotCheck"] = new(t => new(HttpMethod.Get, $"/api/v1/spot-checks/{t.SpotCheck}"), HttpStatusCode.OK, OtherTenant.NotFound),
        ["GetSpotCheckHistory"] = new(t => new(HttpMethod.Get, $"/api/v1/spot-checks/{t.SpotCheck}/history"), HttpStatusCode.OK, OtherTenant.NotFound),
        ["JudgeSpotCheckPick"] = new(t => Post($"/api/v1/spot-checks/{t.SpotCheck}/picks/{t.SpotCheckPick}/judgment", new JsonObject { ["real"] = true, ["complete"] = true, ["objective"] = true, ["onTime"] = true }), HttpStatusCode.OK, OtherTenant.NotFound),
        ["CompleteSpotCheck"] = new(t => Post($"/api/v1/spot-checks/{t.SpotCheck}/complete", new JsonObject()), HttpStatusCode.Conflict, OtherTenant.NotFound),
        ["GetSpotCheckReport"] = new(_ => new(HttpMethod.Get, "/api/v1/reports/spot-checks?from=2026-11-01&to=2026-11-30"), HttpStatusCode.OK, OtherTenant.SucceedsWithoutTenantAData),
    };

    private int _n;

    [Fact]
    public async Task Every_endpoint_answers_401_without_credentials_403_without_its_scope_and_hides_other_tenants()
    {
        var endpoints = Fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => (Name: e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? e.DisplayName!, Scope: e.Metadata.GetMetadata<RequiredScopeMetadata>()?.Scope))
            .ToList();
        Assert.True(endpoints.Count >= Cases.Count, "the endpoint list looks incomplete");
        Assert.All(endpoints, e => Assert.True(e.Scope is not null, $"{e.Name} names no scope"));
        Assert.All(endpoints, e => Assert.True(Cases.ContainsKey(e.Name), $"{e.Name} has no row in the authorization matrix"));

        var failures = new List<string>();
        using var anonymous = Fixture.CreateClientWithKey(null);
        using var otherTenant = await Fixture.CreateClientAsync(ApiFixture.TenantB, [.. Scopes.All]);
        foreach (var (name, scope) in endpoints)
        {
            var row = Cases[name];
            using var wrongScope = await Fixture.CreateClientAsync(ApiFixture.TenantA, Scopes.All.First(s => s != scope));
            using var rightScope = await Fixture.CreateClientAsync(ApiFixture.TenantA, scope!);

            await Expect(failures, $"{name} without credentials", anonymous, row.Request(await TargetAsync()), HttpStatusCode.Unauthorized, "unauthenticated");
            await Expect(failures, $"{name} with the wrong scope", wrongScope, row.Request(await TargetAsync()), HttpStatusCode.Forbidden, "insufficient-scope");
            await Expect(failures, $"{name} with scope {scope}", rightScope, row.Request(await TargetAsync()), row.Success, null);

            var target = await TargetAsync();
            var expected = row.Other == OtherTenant.NotFound ? HttpStatusCode.NotFound : row.Success;
            var body = await Expect(failures, $"{name} from another tenant", otherTenant, row.Request(target), expected, null);
            if (row.Other == OtherTenant.SucceedsWithoutTenantAData && body is not null)
            {
                foreach (var secret in new[] { target.TaskId.ToString(), target.ApiKeyId.ToString(), ApiFixture.TenantA })
                {
                    if (body.Contains(secret, StringComparison.Ordinal))
                    {
                        failures.Add($"{name} from another tenant: the response shows tenant A's {secret}");
                    }
                }
            }
        }

        // Tenant B's erasures and writes must not have touched tenant A's data.
        var intact = await Fixture.InScopeAsync(db => Task.FromResult(db.VisitTasks.Count(t => t.CustomerName != "[erased]")));
        Assert.True(intact > 0);
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private async Task<Target> TargetAsync()
    {
        var n = Interlocked.Increment(ref _n);
        var customer = $"MX-{n}";
        var created = await Client.PostAsync("/api/v1/visit-tasks", Json(VisitTaskRequests.NewTask(customer: customer, workOrder: $"WO-MX-{n}")));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var task = await ReadObjectAsync(created);
        var key = await Client.PostAsync("/api/v1/admin/api-keys", Json(new JsonObject { ["name"] = $"target {n}", ["scopes"] = new JsonArray("tasks:read") }));
        Assert.Equal(HttpStatusCode.Created, key.StatusCode);
        var keyId = (Guid)(await ReadObjectAsync(key))["apiKey"]!["id"]!;
        var feedbackTask = await NewTaskAsync($"{n}-f");
        var feedback = await Client.PostAsync($"/api/v1/visit-tasks/{feedbackTask}/feedback", Json(new JsonObject { ["score"] = 4, ["categories"] = new JsonArray("Inquiry"), ["pendingInquiry"] = "warranty?" }));
        Assert.Equal(HttpStatusCode.Created, feedback.StatusCode);
        var feedbackId = (Guid)(await ReadObjectAsync(feedback))["feedback"]!["id"]!;
        var open = await EscalateAsync($"{n}-o");
        var acknowledged = await EscalateAsync($"{n}-a");
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync($"/api/v1/escalations/{acknowledged}/acknowledge", Json(new JsonObject()))).StatusCode);
        var paused = await EscalateAsync($"{n}-p");
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync($"/api/v1/escalations/{paused}/pause", Json(new JsonObject { ["reason"] = "waiting" }))).StatusCode);
        var record = ServiceRecords.ServiceRecordRequests.Record($"WO-MSR-{n}", "Activity", $"MSR-{n}");
        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsync("/api/v1/service-records", Json(record))).StatusCode);
        var invitation = await Client.PostAsync($"/api/v1/visit-tasks/{(Guid)task["id"]!}/survey-invitations", Json(new JsonObject()));
        Assert.Equal(HttpStatusCode.Created, invitation.StatusCode);
        var invitationId = (Guid)(await ReadObjectAsync(invitation))["invitation"]!["id"]!;
        var questionnaire = await Client.PostAsync("/api/v1/questionnaires", Json(QuestionnaireBody($"MQ-{n}")));
        Assert.Equal(HttpStatusCode.Created, questionnaire.StatusCode);
        var questionnaireId = (Guid)(await ReadObjectAsync(questionnaire))["id"]!;

        // A spot-check of this target's visits only (its own department), with every visit picked.
        var spotTask = await NewTaskAsync($"{n}-sc", department: $"SC-{n}");
        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsync($"/api/v1/visit-tasks/{spotTask}/feedback", Json(new JsonObject { ["score"] = 5, ["categories"] = new JsonArray("Praise") }))).StatusCode);
        var spotCheck = await Client.PostAsync("/api/v1/spot-checks", Json(new JsonObject { ["month"] = "2026-11", ["level"] = "Supervisor", ["percent"] = 100, ["department"] = $"SC-{n}" }));
        Assert.Equal(HttpStatusCode.Created, spotCheck.StatusCode);
        var spot = await ReadObjectAsync(spotCheck);
        var unsatisfiedTask = VisitTaskRequests.NewTask(customer: $"MXR-{n}", workOrder: $"WO-MXR-{n}");
        unsatisfiedTask["serviceRecord"]!["department"] = $"MR-{n}";
        var reviewTask = await Client.PostAsync("/api/v1/visit-tasks", Json(unsatisfiedTask));
        Assert.Equal(HttpStatusCode.Created, reviewTask.StatusCode);
        var unsatisfied = await Client.PostAsync($"/api/v1/visit-tasks/{(Guid)(await ReadObjectAsync(reviewTask))["id"]!}/feedback", Json(new JsonObject { ["score"] = 1, ["categories"] = new JsonArray("Suggestion") }));
        Assert.Equal(HttpStatusCode.Created, unsatisfied.StatusCode);
        var review = await Client.PostAsync("/api/v1/reviews", Json(new JsonObject { ["department"] = $"MR-{n}", ["week"] = "2026-W48" }));
        Assert.Equal(HttpStatusCode.Created, review.StatusCode);
        var reviewBody = await ReadObjectAsync(review);
        var emptyReview = await Client.PostAsync("/api/v1/reviews", Json(new JsonObject { ["department"] = $"ME-{n}", ["week"] = "2026-W48" }));
        Assert.Equal(HttpStatusCode.Created, emptyReview.StatusCode);
        return new Target((Guid)task["id"]!, customer, keyId, n, feedbackId, open, acknowledged, paused, $"WO-MSR-{n}", invitationId, questionnaireId, await CorrectiveActionsAsync(n),
            (Guid)spot["id"]!, (Guid)spot["picks"]![0]!["id"]!, (Guid)reviewBody["id"]!, (Guid)reviewBody["items"]![0]!["id"]!, (Guid)(await ReadObjectAsync(emptyReview))["id"]!);
    }

    /// <summary>Corrective actions of tenant A in each state a transition needs, made through the domain in one save.</summary>
    private Task<CorrectiveActionTargets> CorrectiveActionsAsync(int n) => Fixture.InScopeAsync(async db =>
    {
        var now = Fixture.Clock.GetUtcNow();
        var due = new DateOnly(2026, 12, 31);
        CorrectiveAction Make(CorrectiveActionSource source, ProblemKey? problem) =>
            CorrectiveAction.Open(Guid.CreateVersion7(), source, "matrix", null, due, now.AddDays(36), problem, null, null, [], [], "tests", now, "root cause", "measure");
        var proposed = Make(CorrectiveActionSource.Recurrence, ProblemKey.ForServiceType($"MX-{n}", null));
        var open = Make(CorrectiveActionSource.Manual, null);
        var implemented = Make(CorrectiveActionSource.Manual, null);
        implemented.Implement("tests", null, now);
        var verified = Make(CorrectiveActionSource.Manual, null);
        verified.Implement("tests", null, now);
        verified.Verify(true, null, "tests", null, now);
        var notEffective = Make(CorrectiveActionSource.Manual, null);
        notEffective.Implement("tests", null, now);
        notEffective.Verify(false, null, "tests", null, now);
        db.CorrectiveActions.AddRange(proposed, open, implemented, verified, notEffective);
        await db.SaveChangesAsync();
        return new CorrectiveActionTargets(proposed.Id, open.Id, implemented.Id, verified.Id, notEffective.Id);
    });

    /// <summary>A questionnaire of its own service type, so that no two of the matrix's are chosen for the same tasks.</summary>
    private static JsonObject QuestionnaireBody(string serviceType) => new()
    {
        ["name"] = $"matrix {serviceType}",
        ["purpose"] = "AfterSales",
        ["serviceType"] = serviceType,
        ["title"] = new JsonObject { ["zhCn"] = "回访", ["en"] = "Follow-up" },
        ["questions"] = new JsonArray(new JsonObject
        {
            ["key"] = "overall",
            ["kind"] = "OverallScore",
            ["required"] = true,
            ["text"] = new JsonObject { ["zhCn"] = "整体满意度", ["en"] = "Overall" },
        }),
        ["script"] = new JsonObject
        {
            ["opening"] = new JsonObject { ["zhCn"] = "您好", ["en"] = "Hello" },
            ["closing"] = new JsonObject { ["zhCn"] = "谢谢", ["en"] = "Thank you" },
        },
    };

    private async Task<Guid> NewTaskAsync(string suffix, string? department = null)
    {
        var body = VisitTaskRequests.NewTask(customer: $"MX-{suffix}", workOrder: $"WO-MX-{suffix}");
        if (department is not null)
        {
            body["serviceRecord"]!["department"] = department;
        }

        var created = await Client.PostAsync("/api/v1/visit-tasks", Json(body));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (Guid)(await ReadObjectAsync(created))["id"]!;
    }

    private async Task<Guid> EscalateAsync(string suffix)
    {
        var taskId = await NewTaskAsync(suffix);
        var recorded = await Client.PostAsync($"/api/v1/visit-tasks/{taskId}/feedback", Json(new JsonObject { ["score"] = 1, ["categories"] = new JsonArray("Complaint"), ["complaintLevel"] = "General" }));
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        return (Guid)(await ReadObjectAsync(recorded))["escalation"]!["id"]!;
    }

    private static async Task<string?> Expect(List<string> failures, string cell, HttpClient client, HttpRequestMessage request, HttpStatusCode status, string? code)
    {
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != status)
        {
            failures.Add($"{cell}: expected {(int)status}, got {(int)response.StatusCode} {body}");
            return null;
        }

        if (code is not null)
        {
            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json" || (string?)JsonNode.Parse(body)?["code"] != code)
            {
                failures.Add($"{cell}: expected a problem with code {code}, got {body}");
            }
        }

        return body;
    }

    private static HttpRequestMessage Post(string path, JsonNode body) => new(HttpMethod.Post, path) { Content = JsonContent.Create(body) };

    private static HttpRequestMessage Put(string path, JsonNode body) => new(HttpMethod.Put, path) { Content = JsonContent.Create(body) };
}
