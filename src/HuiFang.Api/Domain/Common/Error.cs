namespace HuiFang.Api.Domain.Common;

/// <summary>What kind of expected failure an <see cref="Error"/> is; decides the HTTP status.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Conflict,
    InvalidTransition,
    PreconditionFailed,
    Unprocessable,
    Forbidden,
    Gone,
}

/// <summary>
/// An expected failure, carried as a value. <see cref="MessageKey"/> and <see cref="Args"/> are rendered
/// in the caller's language where the failure becomes a response; <see cref="Code"/> is stable and
/// machine-readable. The domain names its failures; it never renders them.
/// </summary>
/// <param name="FieldRules">Per-field message keys (a rule of the domain broken by one input), rendered with the validation errors.</param>
public sealed record Error(
    ErrorKind Kind,
    string Code,
    string MessageKey,
    object?[] Args,
    IReadOnlyDictionary<string, object?>? Extensions = null,
    IReadOnlyDictionary<string, string[]>? ValidationErrors = null,
    IReadOnlyDictionary<string, string>? FieldRules = null)
{
    public static Error Validation(IReadOnlyDictionary<string, string[]> errors) =>
        new(ErrorKind.Validation, "validation", "problem.validation.detail", [], null, errors);

    public static Error Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>One input breaks a rule of the domain: 400 with that field's message, named by its key.</summary>
    public static Error InvalidField(string field, string messageKey) =>
        new(ErrorKind.Validation, "validation", "problem.validation.detail", [], null, null, new Dictionary<string, string> { [field] = messageKey });
}
