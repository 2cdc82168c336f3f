using System.Security.Claims;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace FuncAuth.TestSupport.Functions;

/// <summary>
/// An HTTP request shaped like the one the gRPC worker builds: headers as sent, the body as bytes, and cookies
/// parsed lazily from the first <c>Cookie</c> header exactly as <c>GrpcHttpRequestData</c> (worker 2.52.0) does:
/// split on ';', then on the first '=' dropping empty entries, name trimmed, value not — including its
/// <see cref="IndexOutOfRangeException"/> on an empty pair such as <c>=</c> or <c>;;</c>.
/// </summary>
public sealed class TestHttpRequestData : HttpRequestData
{
    private readonly byte[] _body;

    public TestHttpRequestData(FunctionContext context, string method, Uri url, IEnumerable<KeyValuePair<string, string>> headers, byte[]? body)
        : base(context)
    {
        Method = method;
        Url = url;
        _body = body ?? [];
        Headers = new HttpHeadersCollection();
        foreach (var (name, value) in headers)
        {
            Headers.TryAddWithoutValidation(name, value);
        }

        _cookies = new Lazy<IReadOnlyCollection<IHttpCookie>>(
            () => ParseCookies(Headers.TryGetValues("Cookie", out var cookies) ? cookies.FirstOrDefault() : null));
    }

    private readonly Lazy<IReadOnlyCollection<IHttpCookie>> _cookies;

    public override Stream Body => new MemoryStream(_body, writable: false);
    public override HttpHeadersCollection Headers { get; }
    public override IReadOnlyCollection<IHttpCookie> Cookies => _cookies.Value;
    public override Uri Url { get; }
    public override IEnumerable<ClaimsIdentity> Identities => [new ClaimsIdentity()];
    public override string Method { get; }

    public override HttpResponseData CreateResponse() => new TestHttpResponseData(FunctionContext);

    private static List<IHttpCookie> ParseCookies(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return [];
        }

        return header.Split(';')
            .Select(part => part.Split('=', 2, StringSplitOptions.RemoveEmptyEntries))
            .Select(pair => (IHttpCookie)new HttpCookie(pair[0].Trim(), pair.Length > 1 ? pair[1] : string.Empty))
            .ToList();
    }
}
