using System.Text.Json;
using System.Text.Json.Serialization;

namespace FuncAuth.Http;

/// <summary>
/// Source-generated JSON metadata for problem details. Each feature has a context of its own for its bodies (so Http
/// names no feature); all use the same options: duplicate properties refused (no parser-differential tricks) and
/// shallow nesting (<see cref="JsonLimits"/>).
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    AllowDuplicateProperties = false,
    MaxDepth = JsonLimits.MaxDepth,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Problem))]
public sealed partial class ProblemJsonContext : JsonSerializerContext;
