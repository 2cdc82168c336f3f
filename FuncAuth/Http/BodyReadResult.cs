using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace FuncAuth.Http;

/// <summary>
/// A parsed request body, or the 4xx answer that explains why there is none. Only <see cref="JsonBodyReader"/> makes
/// one (a value, or a status and a detail), so <see cref="IsSuccess"/> tells the compiler which of the two is set.
/// </summary>
public readonly record struct BodyReadResult<T>
    where T : class
{
    internal BodyReadResult(T? value, HttpStatusCode errorStatus, string? errorDetail)
    {
        Value = value;
        ErrorStatus = errorStatus;
        ErrorDetail = errorDetail;
        IsSuccess = value is not null;
    }

    /// <summary>The parsed body; set exactly when <see cref="IsSuccess"/>.</summary>
    public T? Value { get; }

    /// <summary>The status to answer a refused body with (<see cref="HttpStatusCode.OK"/> on success).</summary>
    public HttpStatusCode ErrorStatus { get; }

    /// <summary>Why the body was refused; set exactly when not <see cref="IsSuccess"/>.</summary>
    public string? ErrorDetail { get; }

    /// <summary>True when <see cref="Value"/> holds the parsed body.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(ErrorDetail))]
    public bool IsSuccess { get; }
}
