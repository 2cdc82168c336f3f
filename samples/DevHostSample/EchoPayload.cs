namespace DevHostSample;

/// <summary>What <see cref="EchoFunction"/> saw of the request.</summary>
public sealed record EchoPayload(
    string Method,
    string? Tag,
    string? Query,
    string Url,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, string> Cookies,
    string Body);
