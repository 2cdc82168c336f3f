namespace FuncAuth.EndToEndTests.Api;

/// <summary>What a <see cref="BrowserLikeCookieHandler"/> put on the wire: the request line and the Cookie header.</summary>
public sealed record SentRequest(HttpMethod Method, Uri Uri, string? CookieHeader)
{
    /// <summary>True when the Cookie header carried a cookie called <paramref name="name"/>.</summary>
    public bool SentCookie(string name) =>
        CookieHeader is not null
        && CookieHeader.Split(';').Any(pair => pair.Trim().StartsWith(name + "=", StringComparison.Ordinal));
}
