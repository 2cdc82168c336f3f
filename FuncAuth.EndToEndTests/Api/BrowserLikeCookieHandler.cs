using System.Collections.Concurrent;

namespace FuncAuth.EndToEndTests.Api;

/// <summary>
/// Behaves like a browser's fetch on the same origin: sends the <see cref="BrowserLikeCookieJar"/>'s cookies for
/// the request URL, sends <c>Origin</c> on state-changing requests (unless the test set one), and stores every
/// <c>Set-Cookie</c> of the response. Every request is logged with the Cookie header it carried. The response keeps
/// its raw <c>Set-Cookie</c> headers (the inner handler must have <c>UseCookies = false</c>).
/// </summary>
public sealed class BrowserLikeCookieHandler(BrowserLikeCookieJar jar) : DelegatingHandler
{
    private readonly ConcurrentQueue<SentRequest> _log = new();

    /// <summary>Set on a request to send it without the automatic <c>Origin</c> (to test a lone <c>Referer</c>).</summary>
    public static readonly HttpRequestOptionsKey<bool> OmitOrigin = new("BrowserLike.OmitOrigin");

    public BrowserLikeCookieJar Jar { get; } = jar;

    /// <summary>Every request sent so far, in order.</summary>
    public IReadOnlyList<SentRequest> Log => [.. _log];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        if (!request.Headers.Contains("Cookie") && Jar.CookieHeaderFor(uri) is { } cookies)
        {
            request.Headers.TryAddWithoutValidation("Cookie", cookies);
        }

        if (request.Method != HttpMethod.Get && request.Method != HttpMethod.Head && !request.Headers.Contains("Origin")
            && !(request.Options.TryGetValue(OmitOrigin, out var omit) && omit))
        {
            request.Headers.TryAddWithoutValidation("Origin", uri.GetLeftPart(UriPartial.Authority));
        }

        _log.Enqueue(new SentRequest(
            request.Method, uri, request.Headers.TryGetValues("Cookie", out var sent) ? string.Join("; ", sent) : null));

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            Jar.Receive(uri, setCookies);
        }

        return response;
    }
}
