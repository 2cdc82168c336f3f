using System.Text.Json;
using System.Text.Json.Serialization;
using FuncAuth.Http;

namespace FuncAuth.Discovery;

/// <summary>Source-generated JSON metadata for the JWKS and OpenID configuration documents; strict on input like every context here (<see cref="JsonLimits"/>).</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    AllowDuplicateProperties = false,
    MaxDepth = JsonLimits.MaxDepth,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonWebKeySetResponse))]
[JsonSerializable(typeof(OpenIdConfigurationResponse))]
public sealed partial class DiscoveryJsonContext : JsonSerializerContext;
