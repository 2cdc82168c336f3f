using System.Text.Json;
using System.Text.Json.Serialization;
using FuncAuth.Http;

namespace FuncAuth.Users;

/// <summary>Source-generated JSON metadata for the registration and user bodies and the favourite movies; strict on input like every context here (<see cref="JsonLimits"/>).</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    AllowDuplicateProperties = false,
    MaxDepth = JsonLimits.MaxDepth,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RegisterRequest))]
[JsonSerializable(typeof(UserResponse))]
[JsonSerializable(typeof(string[]))]
public sealed partial class UsersJsonContext : JsonSerializerContext;
