namespace FuncAuth.EndToEndTests.DevHost;

/// <summary>The JSON the sample's echo function returns (DevHostSample.EchoPayload).</summary>
public sealed record EchoResponse(
    string Method,
    string? Tag,
    string? Query,
    string Url,
    Dictionary<string, string> Headers,
    Dictionary<string, string> Cookies,
    string Body);
