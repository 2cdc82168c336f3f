using System.Security.Claims;
using Microsoft.Azure.Functions.Worker.Http;

namespace FuncAuth.Fuzz.Targets;

/// <summary>
/// An HTTP request as the gRPC worker hands it over: headers added without validation as they arrived, the body as
/// a read-only stream of its bytes. <see cref="Cookies"/> is never used by FuncAuth (it parses the Cookie header
/// itself), so it is empty here.
/// </summary>
public sealed class FuzzRequest : HttpRequestData
{
    private readonly byte[] _body;

    /// <summary>A POST to <c>/api/auth/login</c> with <paramref name="headers"/> and <paramref name="body"/>.</summary>
    public FuzzRequest(IEnumerable<KeyValuePair<string, string>> headers, byte[] body)
        : base(new FuzzFunctionContext())
    {
        ArgumentNullException.ThrowIfNull(headers);
        _body = body;
        Headers = [];
        foreach (var (name, value) in headers)
        {
            // Names the header collection refuses never reach a function: skip them as the host would.
            Headers.TryAddWithoutValidation(name, value);
        }
    }

    /// <inheritdoc />
    public override Stream Body => new MemoryStream(_body, writable: false);

    /// <inheritdoc />
    public override HttpHeadersCollection Headers { get; }

    /// <inheritdoc />
    public override IReadOnlyCollection<IHttpCookie> Cookies => [];

    /// <inheritdoc />
    public override Uri Url { get; } = new("http://localhost:7071/api/auth/login");

    /// <inheritdoc />
    public override IEnumerable<ClaimsIdentity> Identities => [];

    /// <inheritdoc />
    public override string Method => "POST";

    /// <inheritdoc />
    public override HttpResponseData CreateResponse() => throw new NotSupportedException("The targets only read requests.");
}
