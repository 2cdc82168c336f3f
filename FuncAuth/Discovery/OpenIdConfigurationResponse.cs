using System.Text.Json.Serialization;

namespace FuncAuth.Discovery;

/// <summary>
/// Body of <c>GET /api/.well-known/openid-configuration</c>: the parts of OpenID Connect Discovery metadata that let
/// another service find the keys to validate FuncAuth's access tokens (FuncAuth is not an OpenID provider).
/// </summary>
public sealed record OpenIdConfigurationResponse(
    [property: JsonPropertyName("issuer")] string Issuer,
    [property: JsonPropertyName("jwks_uri")] string JwksUri,
    [property: JsonPropertyName("subject_types_supported")] IReadOnlyList<string> SubjectTypesSupported,
    [property: JsonPropertyName("id_token_signing_alg_values_supported")] IReadOnlyList<string> SigningAlgorithmsSupported,
    [property: JsonPropertyName("claims_supported")] IReadOnlyList<string> ClaimsSupported);
