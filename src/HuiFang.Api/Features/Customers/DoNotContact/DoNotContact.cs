using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Customers;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Services.Customers;
using Mediator;

namespace HuiFang.Api.Features.Customers.DoNotContact;

/// <summary>Whether a customer may be contacted for follow-ups (不再打扰, "do not contact").</summary>
/// <param name="CustomerExternalId">The customer's id in the calling system; an erased customer's pseudonym.</param>
/// <param name="DoNotContact">True: no visit task, intake task or survey invitation is made for the customer, except a complaint follow-up.</param>
/// <param name="Since">Since when the customer is not to be contacted; null while they may be.</param>
/// <param name="Source">Who set the flag: Api (a calling system) or Survey (the customer, on the survey page); null while it is clear.</param>
/// <param name="Reason">Why, as it was given when the flag was set (erased with the customer); null while the flag is clear.</param>
/// <param name="UpdatedAt">The last change; null when nothing was ever said about the customer.</param>
/// <param name="Version">Counts the changes; the ETag. 0 for a customer nothing was ever said about.</param>
public sealed record DoNotContactResponse(
    string CustomerExternalId,
    bool DoNotContact,
    DateTimeOffset? Since,
    ContactPreferenceSource? Source,
    string? Reason,
    DateTimeOffset? UpdatedAt,
    int Version) : IVersioned
{
    public static DoNotContactResponse From(CustomerContactPreference? preference, string customerExternalId) =>
        preference is null || preference.Version == 0
            ? new(customerExternalId, false, null, null, null, null, 0)
            : new(preference.CustomerExternalId, preference.DoNotContact, preference.Since, preference.Source, preference.Reason, preference.UpdatedAt, preference.Version);
}

/// <summary>Why the customer is not to be contacted (optional).</summary>
/// <param name="Reason">E.g. "asked on the phone on 2026-11-25"; kept with the flag and in the audit trail, erased with the customer.</param>
public sealed record SetDoNotContactRequest(string? Reason = null);

/// <summary>Read a customer's do-not-contact flag.</summary>
public sealed record GetDoNotContact(string ExternalId) : IQuery<Result<DoNotContactResponse>>;

/// <summary>Mark a customer as not to be contacted; setting it again changes nothing.</summary>
public sealed record SetDoNotContact(string ExternalId, string? Reason, IfMatch? IfMatch = null) : ICommand<Result<DoNotContactResponse>>, ITransactional;

/// <summary>Clear a customer's do-not-contact flag; clearing a clear flag changes nothing.</summary>
public sealed record ClearDoNotContact(string ExternalId, IfMatch? IfMatch = null) : ICommand<Result<DoNotContactResponse>>, ITransactional;

public sealed class GetDoNotContactValidator : AbstractValidator<GetDoNotContact>
{
    public GetDoNotContactValidator() => RuleFor(x => x.ExternalId).NotEmpty().MaximumLength(FieldLimits.ExternalId);
}

public sealed class SetDoNotContactValidator : AbstractValidator<SetDoNotContact>
{
    public SetDoNotContactValidator()
    {
        RuleFor(x => x.ExternalId).NotEmpty().MaximumLength(FieldLimits.ExternalId);
        RuleFor(x => x.Reason).MaximumLength(FieldLimits.Reason);
    }
}

public sealed class ClearDoNotContactValidator : AbstractValidator<ClearDoNotContact>
{
    public ClearDoNotContactValidator() => RuleFor(x => x.ExternalId).NotEmpty().MaximumLength(FieldLimits.ExternalId);
}

public sealed class GetDoNotContactHandler(ContactPreferences preferences) : IQueryHandler<GetDoNotContact, Result<DoNotContactResponse>>
{
    public async ValueTask<Result<DoNotContactResponse>> Handle(GetDoNotContact query, CancellationToken cancellationToken) =>
        DoNotContactResponse.From(await preferences.FindAsync(query.ExternalId, cancellationToken), query.ExternalId);
}

public sealed class SetDoNotContactHandler(ContactPreferences preferences) : ICommandHandler<SetDoNotContact, Result<DoNotContactResponse>>
{
    public async ValueTask<Result<DoNotContactResponse>> Handle(SetDoNotContact command, CancellationToken cancellationToken) =>
        (await preferences.ChangeAsync(command.ExternalId, true, ContactPreferenceSource.Api, command.Reason, command.IfMatch, cancellationToken))
            .Map(changed => DoNotContactResponse.From(changed.Preference, command.ExternalId));
}

public sealed class ClearDoNotContactHandler(ContactPreferences preferences) : ICommandHandler<ClearDoNotContact, Result<DoNotContactResponse>>
{
    public async ValueTask<Result<DoNotContactResponse>> Handle(ClearDoNotContact command, CancellationToken cancellationToken) =>
        (await preferences.ChangeAsync(command.ExternalId, false, ContactPreferenceSource.Api, null, command.IfMatch, cancellationToken))
            .Map(changed => DoNotContactResponse.From(changed.Preference, command.ExternalId));
}
