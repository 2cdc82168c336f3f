using System.Text.Json;
using System.Text.Json.Serialization;
using FuncAuth.Http;

namespace FuncAuth.Sessions;

/// <summary>Source-generated JSON metadata for the login, refresh, session and token bodies; strict on input like every context here (<see cref="JsonLimits"/>).</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    AllowDuplicateProperties = false,
    MaxDepth = JsonLimits.MaxDepth,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LoginRequest))]
[JsonSerializable(typeof(RefreshRequest))]
[JsonSerializable(typeof(SessionResponse))]
[JsonSerializable(typeof(TokenResponse))]
public sealed partial class SessionsJsonContext : JsonSerializerContext;
