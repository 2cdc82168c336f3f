using System.Text.Json;
using System.Text.Json.Serialization;
using FuncAuth.Http;

namespace FuncAuth.Health;

/// <summary>Source-generated JSON metadata for the health body; strict on input like every context here (<see cref="JsonLimits"/>).</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    AllowDuplicateProperties = false,
    MaxDepth = JsonLimits.MaxDepth,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HealthResponse))]
public sealed partial class HealthJsonContext : JsonSerializerContext;
