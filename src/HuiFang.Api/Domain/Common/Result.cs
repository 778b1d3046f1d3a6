namespace HuiFang.Api.Domain.Common;

/// <summary>Lets generic pipeline code inspect and build responses without knowing the success type.</summary>
public interface IFailable<TSelf> where TSelf : IFailable<TSelf>
{
    bool IsSuccess { get; }

    static abstract TSelf Failure(Error error);
}

/// <summary>Either a value or an expected <see cref="Error"/>; never both.</summary>
public readonly struct Result<T> : IFailable<Result<T>>
{
    private readonly T? _value;

    private Result(T? value, Error? error)
    {
        _value = value;
        Error = error;
    }

    public Error? Error { get; }

    public bool IsSuccess => Error is null;

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"Result is a failure: {Error!.Code}");

    public static Result<T> Success(T value) => new(value, null);

    public static Result<T> Failure(Error error) => new(default, error);

    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(Error error) => Failure(error);

    /// <summary>The value turned into something else, or the same error.</summary>
    public Result<TOut> Map<TOut>(Func<T, TOut> map) => IsSuccess ? map(_value!) : Result<TOut>.Failure(Error!);
}

/// <summary>A result with no value: success, or an expected <see cref="Error"/>.</summary>
public readonly record struct Outcome(Error? Error)
{
    public static Outcome Ok => new(null);

    public bool IsSuccess => Error is null;

    public static implicit operator Outcome(Error error) => new(error);
}
