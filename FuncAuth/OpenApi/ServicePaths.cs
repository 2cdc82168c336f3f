using FuncAuth.Discovery;
using FuncAuth.Health;
using FuncAuth.Http;
using Microsoft.OpenApi;
using static FuncAuth.OpenApi.OpenApiParts;
using static FuncAuth.OpenApi.SharedComponents;

namespace FuncAuth.OpenApi;

/// <summary>The anonymous service routes: health, the ES256 key documents and this document.</summary>
internal static class ServicePaths
{
    public const string Tag = "service";

    private const string Hs256Detail = "This deployment signs with a shared secret (HS256, the default): there is no public key to publish.";

    public static void Add(OpenApiDocument document)
    {
        AddOperation(document, "/" + HttpNames.Routes.Health, HttpMethod.Get, new OpenApiOperation
        {
            OperationId = "Health",
            Summary = "Can this instance reach Table Storage?",
            Tags = Tags(document),
            Responses = Responses(
                (200, JsonResponse(document, "Storage answered.", Schema(document, nameof(HealthResponse)), NoStoreHeader)),
                (503, Shared(document, StorageUnavailableResponse))),
        });

        AddOperation(document, "/" + PublicKeyDocuments.JwksRoute, HttpMethod.Get, new OpenApiOperation
        {
            OperationId = "Jwks",
            Summary = "The public keys that validate access tokens (ES256)",
            Tags = Tags(document),
            Responses = Responses(
                (200, JsonResponse(document, "The keys (Auth__SigningAlgorithm=ES256).", Schema(document, nameof(JsonWebKeySetResponse)), PublicCacheHeader)),
                (404, Problem(document, Hs256Detail))),
        });

        AddOperation(document, "/" + PublicKeyDocuments.ConfigurationRoute, HttpMethod.Get, new OpenApiOperation
        {
            OperationId = "OpenIdConfiguration",
            Summary = "Discovery metadata: the issuer and where the keys are (ES256)",
            Tags = Tags(document),
            Responses = Responses(
                (200, JsonResponse(document, "The metadata (Auth__SigningAlgorithm=ES256).", Schema(document, nameof(OpenIdConfigurationResponse)), PublicCacheHeader)),
                (404, Problem(document, Hs256Detail))),
        });

        AddOperation(document, "/" + FuncAuthOpenApi.Route, HttpMethod.Get, new OpenApiOperation
        {
            OperationId = "OpenApi",
            Summary = "This document",
            Tags = Tags(document),
            Responses = Responses(
                (200, JsonResponse(document, $"The OpenAPI {FuncAuthOpenApi.VersionName} description of this API.", DocumentSchema(), PublicCacheHeader))),
        });
    }

    /// <summary>An OpenAPI document: its required fields, anything else allowed (the OpenAPI schema itself describes the rest).</summary>
    private static OpenApiSchema DocumentSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "An OpenAPI document.",
        Required = new HashSet<string>(["openapi", "info", "paths"], StringComparer.Ordinal),
        AdditionalProperties = new OpenApiSchema(),
    };

    private static HashSet<OpenApiTagReference> Tags(OpenApiDocument document) => [new OpenApiTagReference(Tag, document)];
}
