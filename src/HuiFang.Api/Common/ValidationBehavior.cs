using FluentValidation;
using Mediator;

namespace HuiFang.Api.Common;

/// <summary>
/// Runs the message's FluentValidation validators before its handler. Failures come back as a
/// validation <see cref="Error"/> value (400), never as an exception.
/// </summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
    where TResponse : IFailable<TResponse>
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
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
