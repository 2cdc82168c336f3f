namespace FuncAuth.EndToEndTests.RestClient;

/// <summary>One request of a <c>.http</c> file, before its <c>{{variables}}</c> are replaced.</summary>
/// <param name="Title">The text after <c>###</c>.</param>
/// <param name="Name">From <c># @name</c>, so later requests can use <c>{{name.response.body.$.field}}</c>.</param>
/// <param name="ExpectedStatuses">From <c># expect 201 409</c>: the statuses this request may answer.</param>
/// <param name="Method">The HTTP method of the request line.</param>
/// <param name="Url">The URL of the request line.</param>
/// <param name="Headers">The header lines, in order.</param>
/// <param name="Body">The text after the blank line, if any.</param>
public sealed record HttpFileRequest(
    string Title,
    string? Name,
    IReadOnlyList<int> ExpectedStatuses,
    string Method,
    string Url,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string? Body);
