namespace FuncAuth.Http;

/// <summary>An RFC 9457 problem details body (<c>application/problem+json</c>).</summary>
/// <param name="Type">A URI naming the problem type; the RFC 9110 section of the status.</param>
/// <param name="Title">Short, fixed summary of the problem type.</param>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Detail">What went wrong with this request; never secrets, stack traces or exception text.</param>
/// <param name="Errors">Field-level validation messages, keyed by JSON property name.</param>
/// <param name="RetryAfter">
/// Seconds to wait (429, 503), the same as the <c>Retry-After</c> header: a SPA on another origin cannot read that header
/// (it is not CORS-safelisted and the Functions host's CORS exposes none), but it can read the body.
/// </param>
public sealed record Problem(
    string Type,
    string Title,
    int Status,
    string Detail,
    IReadOnlyDictionary<string, string[]>? Errors = null,
    long? RetryAfter = null);
