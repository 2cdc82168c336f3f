using System.Text.Json;
using System.Text.Json.Serialization;
using FuncAuth.Sessions;
using FuncAuth.Users;

namespace FuncAuth.Http;

/// <summary>
/// Source-generated JSON metadata for every request and response body. Strict on input: duplicate
/// properties are refused (no parser-differential tricks) and nesting is shallow.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    AllowDuplicateProperties = false,
    MaxDepth = 8,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Problem))]
[JsonSerializable(typeof(RegisterRequest))]
[JsonSerializable(typeof(LoginRequest))]
[JsonSerializable(typeof(RefreshRequest))]
[JsonSerializable(typeof(UserResponse))]
[JsonSerializable(typeof(SessionResponse))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(Health.HealthResponse))]
[JsonSerializable(typeof(Discovery.JsonWebKeySetResponse))]
[JsonSerializable(typeof(Discovery.OpenIdConfigurationResponse))]
public sealed partial class FuncAuthJsonContext : JsonSerializerContext;
