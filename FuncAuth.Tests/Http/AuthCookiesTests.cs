using FuncAuth.Auth;
using FuncAuth.Http;
using FuncAuth.TestSupport.Auth;
using FuncAuth.TestSupport.Functions;
using FuncAuth.Tokens;
using Microsoft.Extensions.Options;
using WorkerSameSite = Microsoft.Azure.Functions.Worker.Http.SameSite;

namespace FuncAuth.Tests.Http;

public sealed class AuthCookiesTests
{
    private static AuthCookies Cookies(Action<AuthCookieOptions>? configure = null, TimeProvider? time = null)
    {
        var options = TestAuth.Options(o => configure?.Invoke(o.Cookies));
        return new AuthCookies(Options.Create(options), time ?? TestAuth.Clock());
    }

    private static IssuedTokens Tokens(DateTimeOffset now) => new(
        new AuthenticatedUser("u", "s"), "a@example.test", "a", "jwt", now.AddMinutes(15), "refresh", now.AddDays(1));

    [Fact]
    public void AppendSessionCookies_Defaults_StrictHttpOnlySecureWithScopedPathsAndLifetimes()
    {
        var clock = TestAuth.Clock();
        var response = new TestHttpResponseData(HttpUnit.Context());

        Cookies(time: clock).AppendSessionCookies(response, Tokens(clock.GetUtcNow()));

        var access = response.Cookie("auth-cookie");
        Assert.Equal(("jwt", "/api", 900.0, true, true, WorkerSameSite.Strict), (access.Value, access.Path, access.MaxAge, access.HttpOnly, access.Secure, access.SameSite));
        var refresh = response.Cookie("refresh-cookie");
        Assert.Equal(("refresh", "/api/auth", 86400.0, true, true, WorkerSameSite.Strict), (refresh.Value, refresh.Path, refresh.MaxAge, refresh.HttpOnly, refresh.Secure, refresh.SameSite));
    }

    [Fact]
    public void AppendSessionCookies_ExpiryCappedByTheSession_MaxAgeFollowsTheTokenNotTheSetting()
    {
        var clock = TestAuth.Clock();
        var now = clock.GetUtcNow();
        var response = new TestHttpResponseData(HttpUnit.Context());

        Cookies(time: clock).AppendSessionCookies(response, Tokens(now) with { RefreshTokenExpiresAt = now.AddHours(2) });

        Assert.Equal(7200, response.Cookie("refresh-cookie").MaxAge);
    }

    [Fact]
    public void Build_SameSiteNone_ForcesSecureAndWritesExplicitNone()
    {
        var cookie = Cookies(c => { c.SameSite = CookieSameSite.None; c.Secure = false; }).Build("n", "v", "/", TimeSpan.FromSeconds(5));

        Assert.True(cookie.Secure);
        Assert.Equal(WorkerSameSite.ExplicitNone, cookie.SameSite);
    }

    [Fact]
    public void Build_LaxAndInsecureConfigured_HonoursBoth()
    {
        var cookie = Cookies(c => { c.SameSite = CookieSameSite.Lax; c.Secure = false; }).Build("n", "v", "/", TimeSpan.FromSeconds(5));

        Assert.False(cookie.Secure);
        Assert.Equal(WorkerSameSite.Lax, cookie.SameSite);
    }

    [Fact]
    public void ExpireSessionCookies_RenamedCookies_ExpiresBothWithTheirOwnNamesAndPaths()
    {
        var response = new TestHttpResponseData(HttpUnit.Context());

        Cookies(c => { c.AccessName = "__Host-access"; c.RefreshName = "__Secure-refresh"; }).ExpireSessionCookies(response);

        Assert.Collection(
            response.SetCookies,
            a => Assert.Equal(("__Host-access", "", "/api", 0.0, DateTimeOffset.UnixEpoch), (a.Name, a.Value, a.Path, a.MaxAge!.Value, a.Expires!.Value)),
            r => Assert.Equal(("__Secure-refresh", "", "/api/auth", 0.0, DateTimeOffset.UnixEpoch), (r.Name, r.Value, r.Path, r.MaxAge!.Value, r.Expires!.Value)));
        Assert.All(response.SetCookies, c => Assert.True(c.HttpOnly == true && c.Secure == true && c.SameSite == WorkerSameSite.Strict));
    }

    [Theory]
    [InlineData("auth-cookie=abc; refresh-cookie=def", "abc", "def")]
    [InlineData("other=1;auth-cookie= abc ", "abc", null)]
    [InlineData("auth-cookie=", null, null)]
    [InlineData("refresh-cookie=x=y", null, "x=y")]
    public void ReadTokens_CookieHeaderVariants_FindsTheNamedCookies(string header, string? access, string? refresh)
    {
        var request = HttpUnit.Request(headers: [HttpUnit.Header("Cookie", header)]);
        var cookies = Cookies();

        Assert.Equal(access, cookies.ReadAccessToken(request));
        Assert.Equal(refresh, cookies.ReadRefreshToken(request));
    }

    [Theory]
    [InlineData("auth-cookie=tossed; auth-cookie=ours")]
    [InlineData("auth-cookie=same; other=1; auth-cookie=same")]
    public void ReadAccessToken_NameSentTwice_TreatedAsAbsent(string header)
    {
        // A sibling subdomain can plant a second cookie of the same name (cookie tossing); neither is trusted.
        var request = HttpUnit.Request(headers: [HttpUnit.Header("Cookie", header)]);

        Assert.Null(Cookies().ReadAccessToken(request));
    }

    [Fact]
    public void ReadRefreshToken_NameSentTwiceAcrossTwoHeaders_TreatedAsAbsent()
    {
        var request = HttpUnit.Request(headers: [HttpUnit.Header("Cookie", "refresh-cookie=a"), HttpUnit.Header("Cookie", "refresh-cookie=b")]);

        Assert.Null(Cookies().ReadRefreshToken(request));
    }

    [Fact]
    public void ReadAccessToken_OversizedValue_IsIgnored()
    {
        var request = HttpUnit.Request(headers: [HttpUnit.Header("Cookie", "auth-cookie=" + new string('a', AuthCookies.MaxCookieValueLength + 1))]);

        Assert.Null(Cookies().ReadAccessToken(request));
    }

    [Fact]
    public void ReadAccessToken_ValueExactlyTheMaximum_IsRead()
    {
        var value = new string('a', AuthCookies.MaxCookieValueLength);
        var request = HttpUnit.Request(headers: [HttpUnit.Header("Cookie", "auth-cookie=" + value)]);

        Assert.Equal(value, Cookies().ReadAccessToken(request));
    }
}
