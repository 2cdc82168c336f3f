using System.Globalization;
using System.Net;
using System.Text.Json.Serialization.Metadata;
using FuncAuth.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace FuncAuth.Discovery;

/// <summary>
/// <c>GET /api/.well-known/jwks.json</c> and <c>GET /api/.well-known/openid-configuration</c>: how other services
/// validate FuncAuth's ES256 access tokens without a shared secret. 404 in HS256 mode, where there is no public key.
/// </summary>
public sealed class PublicKeyFunctions(PublicKeyDocuments documents)
{
    /// <summary>The public signing keys (kty, crv, x, y, kid, use, alg), cacheable for a few minutes.</summary>
    [Function("Jwks")]
    public HttpResponseData Jwks(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PublicKeyDocuments.JwksRoute)] HttpRequestData request) =>
        Answer(request, documents.KeySet, DiscoveryJsonContext.Default.JsonWebKeySetResponse);

    /// <summary>The issuer and the absolute URL of the JWKS.</summary>
    [Function("OpenIdConfiguration")]
    public HttpResponseData OpenIdConfiguration(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PublicKeyDocuments.ConfigurationRoute)] HttpRequestData request) =>
        Answer(request, documents.Configuration, DiscoveryJsonContext.Default.OpenIdConfigurationResponse);

    private static HttpResponseData Answer<T>(HttpRequestData request, T? document, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (document is null)
        {
            return ProblemResponses.Create(request, HttpStatusCode.NotFound, "This deployment signs with a shared secret (HS256): there are no public keys to publish.");
        }

        var response = JsonResponses.Create(request, HttpStatusCode.OK, document, typeInfo);
        response.Headers.Add(HttpNames.Headers.CacheControl, string.Create(CultureInfo.InvariantCulture, $"public, max-age={(int)PublicKeyDocuments.CacheLifetime.TotalSeconds}"));
        return response;
    }
}
