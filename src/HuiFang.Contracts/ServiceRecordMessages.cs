namespace HuiFang.Contracts;

/// <summary>
/// A job was completed in a calling system (CRM, property management, work orders). Publish it to the fanout
/// exchange <c>huifang.service-record-completed</c>; HuiFang consumes it from the queue <c>huifang.intake</c> exactly
/// like <c>POST /api/v1/service-records</c>: the tenant's follow-up policy decides whether the customer is visited,
/// and <c>GET /api/v1/service-records/{workOrderNo}</c> shows the decision. Idempotent per work-order number: a
/// redelivery changes nothing. A message that cannot be taken (unknown tenant, invalid field, the work order
/// received before with other content) is moved to <c>huifang.intake_error</c> with the reason in its headers.
/// </summary>
/// <param name="TenantId">The tenant (organisation) the job belongs to; must exist in HuiFang.</param>
/// <param name="WorkOrderNo">Work-order number in the calling system; the record's key.</param>
/// <param name="ServiceType">Service type code, e.g. <c>RoutineRepair</c>, <c>EmergencyRepair</c>, <c>Complaint</c>, <c>Activity</c>.</param>
/// <param name="Description">What was done.</param>
/// <param name="CompletedAt">When the job was completed (with offset; not in the future).</param>
/// <param name="Staff">Who did the work.</param>
/// <param name="Department">Department responsible for the work.</param>
/// <param name="Customer">The customer the job was done for.</param>
[IntegrationEvent("service-record-completed")]
public sealed record ServiceRecordCompleted(
    string TenantId,
    string WorkOrderNo,
    string ServiceType,
    string? Description,
    DateTimeOffset CompletedAt,
    string? Staff,
    string? Department,
    ServiceRecordCustomer Customer);

/// <summary>The customer of a completed job.</summary>
/// <param name="ExternalId">The customer's id in the calling system.</param>
/// <param name="Name">Name or short name.</param>
/// <param name="Phone">Contact phone number.</param>
/// <param name="PreferredChannel">Phone, OnSite, Letter, Sms, Email, App or Questionnaire, if known.</param>
public sealed record ServiceRecordCustomer(string ExternalId, string Name, string? Phone = null, string? PreferredChannel = null);
