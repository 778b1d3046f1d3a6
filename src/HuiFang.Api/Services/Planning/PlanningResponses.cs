using HuiFang.Api.Domain.VisitTasks;

namespace HuiFang.Api.Services.Planning;

// The customer and the completed job as callers read them back: on a visit task and on a received service record.

/// <summary>The customer to contact.</summary>
/// <param name="ExternalId">The customer's id in the calling system.</param>
/// <param name="Name">Name or short name.</param>
/// <param name="Phone">Contact phone number; masked (138****5678) unless the caller has scope pii:read.</param>
/// <param name="PreferredChannel">The channel the customer prefers, if known.</param>
public sealed record CustomerResponse(string ExternalId, string Name, string? Phone, ContactChannel? PreferredChannel);

/// <summary>The completed job a follow-up is about.</summary>
/// <param name="WorkOrderNo">Work-order number in the calling system.</param>
/// <param name="ServiceType">Service type code, e.g. Repair, EmergencyRepair, RoutineRepair, Installation.</param>
/// <param name="Description">What was done.</param>
/// <param name="CompletedAt">When the service was completed.</param>
/// <param name="Staff">Who did the work.</param>
/// <param name="Department">Department responsible for the work.</param>
public sealed record ServiceRecordResponse(string WorkOrderNo, string ServiceType, string? Description, DateTimeOffset CompletedAt, string? Staff, string? Department);
