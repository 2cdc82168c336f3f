using System.Net;

namespace FuncAuth.Http;

/// <summary>A parsed request body, or the 4xx answer that explains why there is none.</summary>
public readonly record struct BodyReadResult<T>(T? Value, HttpStatusCode ErrorStatus, string? ErrorDetail)
    where T : class
{
    /// <summary>True when <see cref="Value"/> holds the parsed body.</summary>
    public bool IsSuccess => Value is not null;
}
