using System.Globalization;
using System.Net;

namespace FuncAuth.EndToEndTests.Api;

/// <summary>
/// Keeps cookies the way a browser does (RFC 6265, host-only): remembers what <c>Set-Cookie</c> says, deletes on
/// <c>Max-Age&lt;=0</c> or a past <c>Expires</c> (Max-Age wins), and sends cookies back by host and path-prefix match.
/// Unlike <see cref="CookieContainer"/>, it sends <c>Secure</c> cookies to plain-http loopback hosts
/// (127.0.0.1, ::1, localhost), which browsers treat as a secure context. Every raw <c>Set-Cookie</c> string
/// received is kept, in order, for exact attribute assertions. Thread-safe.
/// </summary>
public sealed class BrowserLikeCookieJar(TimeProvider? timeProvider = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly List<StoredCookie> _cookies = [];
    private readonly List<string> _received = [];
    private readonly object _gate = new();

    /// <summary>Every raw <c>Set-Cookie</c> value received so far, oldest first.</summary>
    public IReadOnlyList<string> ReceivedSetCookies
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>The cookies alive now.</summary>
    public IReadOnlyList<StoredCookie> Cookies
    {
        get
        {
            lock (_gate)
            {
                DropExpired();
                return [.. _cookies];
            }
        }
    }

    /// <summary>The live cookie called <paramref name="name"/>, if any (the first, when several paths hold one).</summary>
    public StoredCookie? Find(string name) => Cookies.FirstOrDefault(c => c.Name == name);

    /// <summary>Applies the <c>Set-Cookie</c> headers of a response to a request for <paramref name="requestUri"/>.</summary>
    public void Receive(Uri requestUri, IEnumerable<string> setCookieHeaders)
    {
        foreach (var header in setCookieHeaders)
        {
            lock (_gate)
            {
                _received.Add(header);
                if (Parse(requestUri, header) is not { } cookie)
                {
                    continue;
                }

                _cookies.RemoveAll(c => c.Name == cookie.Name && c.Host == cookie.Host && c.Path == cookie.Path);
                if (cookie.ExpiresAt is not { } expires || expires > _time.GetUtcNow())
                {
                    _cookies.Add(cookie);
                }
            }
        }
    }

    /// <summary>The <c>Cookie</c> header a browser would send to <paramref name="requestUri"/>, or null for none.</summary>
    public string? CookieHeaderFor(Uri requestUri)
    {
        var secureContext = requestUri.Scheme == Uri.UriSchemeHttps || IsLoopback(requestUri.Host);
        lock (_gate)
        {
            DropExpired();
            var matching = _cookies
                .Where(c => string.Equals(c.Host, requestUri.Host, StringComparison.OrdinalIgnoreCase))
                .Where(c => c.MatchesPath(requestUri.AbsolutePath))
                .Where(c => !c.Secure || secureContext)
                .OrderByDescending(c => c.Path.Length) // RFC 6265 §5.4: longer paths first; stable for the rest.
                .Select(c => $"{c.Name}={c.Value}")
                .ToList();
            return matching.Count == 0 ? null : string.Join("; ", matching);
        }
    }

    /// <summary>Browsers count localhost, *.localhost and loopback addresses as secure contexts.</summary>
    public static bool IsLoopback(string host)
    {
        var bare = host.Trim('[', ']');
        return bare.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || bare.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(bare, out var address) && IPAddress.IsLoopback(address));
    }

    private void DropExpired()
    {
        var now = _time.GetUtcNow();
        _cookies.RemoveAll(c => c.ExpiresAt is { } expires && expires <= now);
    }

    private StoredCookie? Parse(Uri requestUri, string header)
    {
        var parts = header.Split(';');
        var pair = parts[0];
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            return null; // RFC 6265 §5.2: no '=' or an empty name → ignore the whole header.
        }

        var name = pair[..equals].Trim();
        var value = pair[(equals + 1)..].Trim();
        string? path = null;
        DateTimeOffset? expires = null;
        DateTimeOffset? maxAgeExpiry = null;
        bool httpOnly = false, secure = false;
        string? sameSite = null;
        foreach (var attribute in parts.Skip(1))
        {
            var eq = attribute.IndexOf('=', StringComparison.Ordinal);
            var key = (eq < 0 ? attribute : attribute[..eq]).Trim().ToLowerInvariant();
            var argument = eq < 0 ? string.Empty : attribute[(eq + 1)..].Trim();
            switch (key)
            {
                case "path" when argument.StartsWith('/'):
                    path = argument;
                    break;
                case "max-age" when long.TryParse(argument, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds):
                    maxAgeExpiry = seconds <= 0 ? DateTimeOffset.MinValue : _time.GetUtcNow().AddSeconds(seconds);
                    break;
                case "expires" when DateTimeOffset.TryParse(argument, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at):
                    expires = at;
                    break;
                case "httponly":
                    httpOnly = true;
                    break;
                case "secure":
                    secure = true;
                    break;
                case "samesite":
                    sameSite = argument;
                    break;
            }
        }

        return new StoredCookie(
            name, value, requestUri.Host, path ?? DefaultPath(requestUri.AbsolutePath),
            maxAgeExpiry ?? expires, httpOnly, secure, sameSite, header);
    }

    /// <summary>RFC 6265 §5.1.4: the request path up to, not including, its last '/'; "/" when that leaves nothing.</summary>
    private static string DefaultPath(string requestPath)
    {
        var last = requestPath.LastIndexOf('/');
        return last <= 0 ? "/" : requestPath[..last];
    }
}
