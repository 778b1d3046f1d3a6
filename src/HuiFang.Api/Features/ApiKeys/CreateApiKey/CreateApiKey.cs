using HuiFang.Api.Domain.Common;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using Mediator;

namespace HuiFang.Api.Features.ApiKeys.CreateApiKey;

/// <summary>Create an API key for the caller's tenant.</summary>
/// <param name="Name">What the key is for, e.g. "CRM production".</param>
/// <param name="Scopes">What the key may do; only scopes the caller holds can be granted.</param>
/// <param name="ExpiresAt">When the key stops working (optional; at most two years ahead).</param>
public sealed record CreateApiKey(string? Name, IReadOnlyList<string>? Scopes, DateTimeOffset? ExpiresAt = null) : ICommand<Result<CreatedApiKeyResponse>>, ITransactional;

/// <summary>A new API key. <c>key</c> is shown only here: store it in the calling system's secret store now.</summary>
/// <param name="Key">The secret to send as X-Api-Key.</param>
/// <param name="ApiKey">The key's record.</param>
public sealed record CreatedApiKeyResponse(string Key, ApiKeyResponse ApiKey);

public sealed class CreateApiKeyValidator : AbstractValidator<CreateApiKey>
{
    public CreateApiKeyValidator(TimeProvider clock)
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(FieldLimits.Name);
        RuleFor(x => x.Scopes).NotEmpty();
        RuleForEach(x => x.Scopes)
            .Must(s => s is not null && Infrastructure.Security.Scopes.IsKnown(s))
            .WithMessage((_, s) => Messages.Get("validation.unknownScope", s, string.Join(", ", Infrastructure.Security.Scopes.All)));
        RuleFor(x => x.ExpiresAt)
            .Must(at => at is null || at > clock.GetUtcNow()).WithMessage(_ => Messages.Get("validation.future"))
            .NotTooFarAhead(clock);
    }
}

public sealed class CreateApiKeyHandler(ApiKeyService keys, ICurrentCaller current, TimeProvider clock)
    : ICommandHandler<CreateApiKey, Result<CreatedApiKeyResponse>>
{
    public async ValueTask<Result<CreatedApiKeyResponse>> Handle(CreateApiKey command, CancellationToken cancellationToken)
    {
        var caller = current.Value!;
        var notHeld = command.Scopes!.Where(s => !caller.Has(s)).Distinct().Order(StringComparer.Ordinal).ToList();
        if (notHeld.Count > 0)
        {
            return new Error(ErrorKind.Forbidden, "scope-not-held", "apiKey.scopeNotHeld", [string.Join(' ', notHeld)],
                new Dictionary<string, object?> { ["scopesNotHeld"] = notHeld });
        }

        var issued = await keys.CreateAsync(command.Name!, command.Scopes!, command.ExpiresAt, cancellationToken);
        return new CreatedApiKeyResponse(issued.Secret, ApiKeyResponse.From(issued.Entity, clock.GetUtcNow()));
    }
}
