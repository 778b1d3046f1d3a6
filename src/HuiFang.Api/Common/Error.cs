namespace HuiFang.Api.Common;

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
/// in the caller's language by <see cref="Messages"/>; <see cref="Code"/> is stable and machine-readable.
/// </summary>
public sealed record Error(
    ErrorKind Kind,
    string Code,
    string MessageKey,
    object?[] Args,
    IReadOnlyDictionary<string, object?>? Extensions = null,
    IReadOnlyDictionary<string, string[]>? ValidationErrors = null)
{
    public static Error Validation(IReadOnlyDictionary<string, string[]> errors) =>
        new(ErrorKind.Validation, "validation", "problem.validation.detail", [], null, errors);

    /// <summary>If-Match named another version than the resource's current one (412, with <c>currentETag</c>).</summary>
    public static Error PreconditionFailed(string messageKey, object?[] args, int currentVersion) =>
        new(ErrorKind.PreconditionFailed, "precondition-failed", messageKey, args,
            new Dictionary<string, object?> { ["currentETag"] = ETags.For(currentVersion) });

    public static Error Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });
}
