namespace FuncAuth.Http;

/// <summary>An RFC 9457 problem details body (<c>application/problem+json</c>).</summary>
/// <param name="Type">A URI naming the problem type; the RFC 9110 section of the status.</param>
/// <param name="Title">Short, fixed summary of the problem type.</param>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Detail">What went wrong with this request; never secrets, stack traces or exception text.</param>
/// <param name="Errors">Field-level validation messages, keyed by JSON property name.</param>
public sealed record Problem(
    string Type,
    string Title,
    int Status,
    string Detail,
    IReadOnlyDictionary<string, string[]>? Errors = null);
