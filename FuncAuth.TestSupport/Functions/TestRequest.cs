using System.Globalization;
using System.Text;

namespace FuncAuth.TestSupport.Functions;

/// <summary>What a client sends: method, path and query, headers and an optional raw body.</summary>
public sealed record TestRequest(string Method, string PathAndQuery)
{
    public List<KeyValuePair<string, string>> Headers { get; init; } = [new("Host", "localhost:7071")];

    public byte[]? Body { get; init; }

    public static TestRequest Get(string pathAndQuery) => new("GET", pathAndQuery);

    public static TestRequest Post(string pathAndQuery) => new("POST", pathAndQuery);

    /// <summary>Adds a JSON body with its Content-Type and Content-Length, as a client library would.</summary>
    public TestRequest WithJson(string json, string contentType = "application/json") =>
        WithBody(Encoding.UTF8.GetBytes(json), contentType);

    public TestRequest WithBody(byte[] body, string? contentType)
    {
        var headers = new List<KeyValuePair<string, string>>(Headers) { new("Content-Length", body.Length.ToString(CultureInfo.InvariantCulture)) };
        if (contentType is not null)
        {
            headers.Add(new("Content-Type", contentType));
        }

        return this with { Headers = headers, Body = body };
    }

    public TestRequest WithHeader(string name, string value) =>
        this with { Headers = [.. Headers, new(name, value)] };

    public TestRequest WithCookies(params (string Name, string Value)[] cookies) =>
        WithHeader("Cookie", string.Join("; ", cookies.Select(c => $"{c.Name}={c.Value}")));

    public TestRequest WithBearer(string token) => WithHeader("Authorization", $"Bearer {token}");
}
