using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using FuncAuth.TestSupport;
using FuncAuth.TestSupport.Tables;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace FuncAuth.EndToEndTests.Api;

/// <summary>
/// An ES256 deployment (its own DevHost): another service finds the keys through the discovery document with the
/// standard <see cref="ConfigurationManager{T}"/> and validates FuncAuth's access tokens without any secret.
/// </summary>
public sealed class Es256OverHttpTests : IAsyncLifetime
{
    private const string Audience = "funcauth-es256";
    private DevHostProcess _host = null!;

    public async Task InitializeAsync()
    {
        using var previous = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var current = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        _host = DevHostProcess.Start(RepositoryLayout.FuncAuthApp, new Dictionary<string, string?>
        {
            ["TableStorage"] = TestStorage.ConnectionString,
            ["Tables__Users"] = TestStorage.UniqueTableName("esusers"),
            ["Tables__Sessions"] = TestStorage.UniqueTableName("essessions"),
            ["Auth__SigningAlgorithm"] = "ES256",
            ["Auth__EcdsaKeys__0__Id"] = "es-2026-01",
            ["Auth__EcdsaKeys__0__PrivateKey"] = previous.ExportPkcs8PrivateKeyPem(),
            ["Auth__EcdsaKeys__1__Id"] = "es-2026-02",
            ["Auth__EcdsaKeys__1__PrivateKey"] = Convert.ToBase64String(current.ExportPkcs8PrivateKey()),
            ["Auth__Issuer"] = "https://funcauth.es256.test/",
            ["Auth__Audience"] = Audience,
            ["WEBSITE_HOSTNAME"] = null,
        }, ignoreLocalSettings: true);
        await _host.WaitUntilReadyAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AnotherServiceValidatesTheAccessTokenWithKeysFoundThroughTheDiscoveryDocument()
    {
        using var browser = new BrowserLikeClient(_host.BaseAddress);
        await browser.SignInNewUserAsync();
        var accessToken = browser.Jar.Find("auth-cookie")!.Value;
        var discovery = new ConfigurationManager<OpenIdConnectConfiguration>(
            new Uri(_host.BaseAddress, "api/.well-known/openid-configuration").ToString(),
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever { RequireHttps = false });

        var configuration = await discovery.GetConfigurationAsync(CancellationToken.None);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(accessToken, new TokenValidationParameters
        {
            IssuerSigningKeys = configuration.SigningKeys,
            ValidIssuer = configuration.Issuer,
            ValidAudience = Audience,
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
        });

        Assert.Equal("https://funcauth.es256.test/", configuration.Issuer);
        Assert.Equal(["es-2026-01", "es-2026-02"], configuration.SigningKeys.Select(k => k.KeyId));
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("es-2026-02", ((JsonWebToken)result.SecurityToken).Kid);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("api/users/me")).StatusCode);
    }

    [Fact]
    public async Task TheJwksHoldsPublicKeysOnlyAndMayBeCachedForFiveMinutes()
    {
        using var client = new HttpClient { BaseAddress = _host.BaseAddress };

        using var response = await client.GetAsync("api/.well-known/jwks.json");
        var json = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=300", response.Headers.CacheControl?.ToString());
        var keys = JsonDocument.Parse(json).RootElement.GetProperty("keys").EnumerateArray().ToList();
        Assert.Equal(2, keys.Count);
        Assert.All(keys, k => Assert.Equal(["alg", "crv", "kid", "kty", "use", "x", "y"], k.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)));
    }
}
