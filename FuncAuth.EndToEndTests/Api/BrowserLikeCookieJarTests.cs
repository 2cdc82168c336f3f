using Microsoft.Extensions.Time.Testing;

namespace FuncAuth.EndToEndTests.Api;

public sealed class BrowserLikeCookieJarTests
{
    private static readonly Uri Login = new("http://127.0.0.1:7071/api/auth/login");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("/api/auth", true)]
    [InlineData("/api/auth/refresh-tokens", true)]
    [InlineData("/api/auth/", true)]
    [InlineData("/api/authx", false)]
    [InlineData("/api/users/fav-movies", false)]
    [InlineData("/api", false)]
    public void CookieHeaderFor_PathPrefix_MatchesOnlyAtASegmentBoundary(string requestPath, bool sent)
    {
        var jar = new BrowserLikeCookieJar(_time);
        jar.Receive(Login, ["r=1; path=/api/auth"]);

        var header = jar.CookieHeaderFor(new Uri(Login, requestPath));

        Assert.Equal(sent ? "r=1" : null, header);
    }

    [Fact]
    public void CookieHeaderFor_TwoPaths_SendsTheLongerPathFirst()
    {
        var jar = new BrowserLikeCookieJar(_time);
        jar.Receive(Login, ["a=1; path=/api", "r=2; path=/api/auth"]);

        Assert.Equal("r=2; a=1", jar.CookieHeaderFor(new Uri(Login, "/api/auth/logout")));
        Assert.Equal("a=1", jar.CookieHeaderFor(new Uri(Login, "/api/users/me")));
    }

    [Theory]
    [InlineData("http://127.0.0.1:7071/api/x", true)]
    [InlineData("http://localhost:7071/api/x", true)]
    [InlineData("http://[::1]:7071/api/x", true)]
    [InlineData("https://example.test/api/x", true)]
    [InlineData("http://example.test/api/x", false)]
    public void CookieHeaderFor_SecureCookie_IsSentOnlyToSecureContextsIncludingLoopback(string url, bool sent)
    {
        var jar = new BrowserLikeCookieJar(_time);
        var uri = new Uri(url);
        jar.Receive(uri, ["s=1; path=/; secure; httponly"]);

        Assert.Equal(sent ? "s=1" : null, jar.CookieHeaderFor(uri));
    }

    [Fact]
    public void CookieHeaderFor_AnotherHost_SendsNothing()
    {
        var jar = new BrowserLikeCookieJar(_time);
        jar.Receive(Login, ["a=1; path=/"]);

        Assert.Null(jar.CookieHeaderFor(new Uri("http://localhost:7071/api/x")));
    }

    [Theory]
    [InlineData("a=; max-age=0; path=/api")]
    [InlineData("a=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/api")]
    [InlineData("a=; expires=Thu, 01 Jan 1970 00:00:00 GMT; max-age=0; path=/api; secure; samesite=strict; httponly")]
    public void Receive_MaxAgeZeroOrPastExpires_DeletesTheCookie(string deletion)
    {
        var jar = new BrowserLikeCookieJar(_time);
        jar.Receive(Login, ["a=1; max-age=900; path=/api", "b=2; path=/api"]);

        jar.Receive(Login, [deletion]);

        Assert.Null(jar.Find("a"));
        Assert.Equal("b=2", jar.CookieHeaderFor(new Uri(Login, "/api/users/me")));
    }

    [Fact]
    public void Receive_DeletionWithAnotherPath_KeepsTheCookie()
    {
        var jar = new BrowserLikeCookieJar(_time);
        jar.Receive(Login, ["a=1; path=/api"]);

        jar.Receive(Login, ["a=; max-age=0; path=/"]);

        Assert.Equal("1", jar.Find("a")?.Value);
    }

    [Fact]
    public void Cookies_MaxAge_ExpiresWithTheClockAndWinsOverExpires()
    {
        var jar = new BrowserLikeCookieJar(_time);
        jar.Receive(Login, ["a=1; max-age=900; expires=Thu, 01 Jan 2099 00:00:00 GMT; path=/api"]);

        _time.Advance(TimeSpan.FromSeconds(899));
        Assert.NotNull(jar.Find("a"));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(jar.Find("a"));
    }

    [Fact]
    public void Receive_Attributes_AreRememberedAndTheRawHeaderKept()
    {
        var jar = new BrowserLikeCookieJar(_time);
        const string raw = "auth-cookie=x.y.z; max-age=900; path=/api; secure; samesite=strict; httponly";

        jar.Receive(Login, [raw]);

        var cookie = jar.Find("auth-cookie")!;
        Assert.Equal(("x.y.z", "/api", true, true, "strict"), (cookie.Value, cookie.Path, cookie.HttpOnly, cookie.Secure, cookie.SameSite));
        Assert.Equal(_time.GetUtcNow().AddSeconds(900), cookie.ExpiresAt);
        Assert.Equal([raw], jar.ReceivedSetCookies);
        Assert.Equal(raw, cookie.RawSetCookie);
    }

    [Fact]
    public void Receive_NoPath_UsesTheRequestDirectory()
    {
        var jar = new BrowserLikeCookieJar(_time);

        jar.Receive(Login, ["a=1"]);

        Assert.Equal("/api/auth", jar.Find("a")!.Path);
    }

    [Fact]
    public void Receive_SameNameAndPath_ReplacesTheValue()
    {
        var jar = new BrowserLikeCookieJar(_time);
        jar.Receive(Login, ["a=1; path=/api"]);

        jar.Receive(Login, ["a=2; path=/api"]);

        Assert.Equal("a=2", jar.CookieHeaderFor(new Uri(Login, "/api/x")));
    }
}
