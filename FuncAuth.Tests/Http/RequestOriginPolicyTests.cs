using FuncAuth.Auth;
using FuncAuth.Http;
using FuncAuth.TestSupport.Auth;
using Microsoft.Extensions.Options;

namespace FuncAuth.Tests.Http;

public sealed class RequestOriginPolicyTests
{
    private static readonly RequestOriginPolicy Policy =
        new(Options.Create(TestAuth.Options(o =>
        {
            o.PublicOrigins = ["http://api.example.test:7071"];
            o.AllowedOrigins = ["https://app.example.test", "http://localhost:3000"];
        })));

    private static bool Allowed(params KeyValuePair<string, string>[] headers) =>
        Policy.IsAllowed(HttpUnit.Request("POST", "http://api.example.test:7071/api/auth/login", [HttpUnit.Header("Host", "api.example.test:7071"), .. headers]));

    [Fact]
    public void IsAllowed_NoOriginNorReferer_AllowsNonBrowserClients() => Assert.True(Allowed());

    [Theory]
    [InlineData("http://api.example.test:7071")]
    [InlineData("HTTP://API.EXAMPLE.TEST:7071")]
    [InlineData("https://app.example.test")]
    [InlineData("https://app.example.test:443")]
    [InlineData("http://localhost:3000")]
    public void IsAllowed_OwnOrConfiguredOrigin_Allows(string origin) => Assert.True(Allowed(HttpUnit.Header("Origin", origin)));

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("null")]
    [InlineData("http://api.example.test:7072")]
    [InlineData("https://api.example.test:7071")]
    [InlineData("http://api.example.test.evil.example:7071")]
    [InlineData("file:///etc/passwd")]
    [InlineData("")]
    public void IsAllowed_ForeignOrOpaqueOrigin_Refuses(string origin) => Assert.False(Allowed(HttpUnit.Header("Origin", origin)));

    [Fact]
    public void IsAllowed_OriginMatchingTheHostHeaderButNotConfigured_Refuses()
    {
        // DNS rebinding: a page of rebound.example resolving to this server sends Host and Origin of its own name.
        var request = HttpUnit.Request("POST", "http://rebound.example:7071/api/auth/logout",
            [HttpUnit.Header("Host", "rebound.example:7071"), HttpUnit.Header("Origin", "http://rebound.example:7071")]);

        Assert.False(Policy.IsAllowed(request));
    }

    [Fact]
    public void IsAllowed_NoOriginsConfigured_RefusesEveryBrowserOriginButPassesNonBrowserClients()
    {
        var policy = new RequestOriginPolicy(Options.Create(TestAuth.Options()));

        Assert.False(policy.IsAllowed(HttpUnit.Request("POST", headers: [HttpUnit.Header("Host", "localhost:7071"), HttpUnit.Header("Origin", "http://localhost:7071")])));
        Assert.True(policy.IsAllowed(HttpUnit.Request("POST", headers: [HttpUnit.Header("Host", "localhost:7071")])));
    }

    [Fact]
    public void IsAllowed_OriginPresent_RefererIsIgnored() =>
        Assert.False(Allowed(HttpUnit.Header("Origin", "https://evil.example"), HttpUnit.Header("Referer", "http://api.example.test:7071/x")));

    [Theory]
    [InlineData("http://api.example.test:7071/app/page?x=1", true)]
    [InlineData("https://evil.example/api.example.test:7071", false)]
    [InlineData("not a url", false)]
    public void IsAllowed_OnlyReferer_JudgesItsOrigin(string referer, bool expected) =>
        Assert.Equal(expected, Allowed(HttpUnit.Header("Referer", referer)));

    [Theory]
    [InlineData("https://a.example.test/", true, "https://a.example.test")]
    [InlineData("http://a.example.test:80", true, "http://a.example.test")]
    [InlineData("ftp://a.example.test", false, "")]
    [InlineData("a.example.test", false, "")]
    public void TryNormalize_Inputs_NormalizesSchemeHostAndPort(string value, bool ok, string origin)
    {
        Assert.Equal(ok, WebOrigin.TryNormalize(value, out var actual));
        Assert.Equal(origin, actual);
    }

    [Theory]
    [InlineData("Origin")]
    [InlineData("Referer")]
    public void IsAllowed_HeaderWithoutValues_DoesNotThrow(string header)
    {
        var request = HttpUnit.Request("POST", "http://api.example.test:7071/api/auth/login", [HttpUnit.Header("Host", "api.example.test:7071")]);
        request.Headers.Add(header, Array.Empty<string>());

        Assert.True(Policy.IsAllowed(request));
    }
}
