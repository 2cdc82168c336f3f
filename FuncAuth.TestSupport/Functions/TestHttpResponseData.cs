using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace FuncAuth.TestSupport.Functions;

/// <summary>A response that keeps what the function wrote, for assertions.</summary>
public sealed class TestHttpResponseData(FunctionContext context) : HttpResponseData(context)
{
    private readonly TestHttpCookies _cookies = new();

    public override HttpStatusCode StatusCode { get; set; } = HttpStatusCode.OK;
    public override HttpHeadersCollection Headers { get; set; } = new();
    public override Stream Body { get; set; } = new MemoryStream();
    public override HttpCookies Cookies => _cookies;

    /// <summary>Every cookie appended, in order.</summary>
    public IReadOnlyList<IHttpCookie> SetCookies => _cookies.Items;

    public string BodyText => Encoding.UTF8.GetString(((MemoryStream)Body).ToArray());

    public JsonElement BodyJson => JsonDocument.Parse(BodyText).RootElement;

    public string? Header(string name) => Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    public IHttpCookie Cookie(string name) => _cookies.Items.Last(c => c.Name == name);

    private sealed class TestHttpCookies : HttpCookies
    {
        public List<IHttpCookie> Items { get; } = [];
        public override void Append(string name, string value) => Items.Add(new HttpCookie(name, value));
        public override void Append(IHttpCookie cookie) => Items.Add(cookie);
        public override IHttpCookie CreateNew() => new HttpCookie(string.Empty, string.Empty);
    }
}
