using HuiFang.Api.Domain.Common;
using FluentValidation;
using Mediator;

namespace HuiFang.Api.Common;

/// <summary>
/// Checks the message against the <see cref="InputRules"/> every message obeys, then runs its FluentValidation
/// validators, before its handler. Failures come back as a validation <see cref="Error"/> value (400), never
/// as an exception. A message that breaks an input rule goes no further: its validators may assume text that
/// can be stored and lists without holes.
/// </summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
    where TResponse : IFailable<TResponse>
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (InputRules.Check(message) is { } broken)
        {
            return TResponse.Failure(Error.Validation(broken));
        }

        Dictionary<string, string[]>? errors = null;
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            if (result.IsValid)
            {
                continue;
            }

            errors ??= [];
            foreach (var group in result.Errors.GroupBy(f => f.PropertyName))
            {
                var key = string.IsNullOrEmpty(group.Key) ? "$" : group.Key;
                errors[key] = [.. errors.GetValueOrDefault(key, []), .. group.Select(f => f.ErrorMessage)];
            }
        }

        return errors is null ? await next(message, cancellationToken) : TResponse.Failure(Error.Validation(errors));
    }
}
