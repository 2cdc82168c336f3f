using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using FuncAuth.Discovery;
using FuncAuth.Health;
using FuncAuth.Http;
using FuncAuth.Sessions;
using FuncAuth.TestSupport.OpenApi;
using FuncAuth.Users;
using Microsoft.OpenApi;

namespace FuncAuth.Tests.OpenApi;

/// <summary>The body schemas against the records the features' JSON contexts actually serialize.</summary>
public sealed class OpenApiSchemaTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static IDictionary<string, IOpenApiSchema> Schemas => OpenApiDocuments.Default.Components!.Schemas!;

    /// <summary>Every source-generated JSON context of the app (one per feature).</summary>
    private static readonly IReadOnlyList<JsonSerializerContext> Contexts = [.. typeof(ProblemJsonContext).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(JsonSerializerContext)))
        .Select(t => (JsonSerializerContext)t.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!)];

    /// <summary>The body types of the API: every <c>[JsonSerializable]</c> record of the contexts and the records inside them.</summary>
    private static readonly IReadOnlyList<Type> BodyTypeList = Contexts
        .SelectMany(c => c.GetType().GetCustomAttributesData())
        .Where(a => a.AttributeType == typeof(JsonSerializableAttribute))
        .Select(a => (Type)a.ConstructorArguments[0].Value!)
        .Where(t => !t.IsArray)
        .Append(typeof(JsonWebKeyResponse))
        .ToList();

    [Fact]
    public void Contexts_Every_SharesTheStrictOptions()
    {
        Assert.Equal(5, Contexts.Count);
        Assert.All(Contexts, c => Assert.Equal(
            (false, JsonLimits.MaxDepth, JsonIgnoreCondition.WhenWritingNull, JsonNamingPolicy.CamelCase),
            (c.Options.AllowDuplicateProperties, c.Options.MaxDepth, c.Options.DefaultIgnoreCondition, c.Options.PropertyNamingPolicy)));
    }

    public static TheoryData<string> BodyTypes() => new(BodyTypeList.Select(t => t.FullName!));

    [Theory]
    [MemberData(nameof(BodyTypes))]
    public void Components_BodyType_HasASchemaNamedAfterItWithItsJsonPropertyNames(string typeName)
    {
        var type = typeof(ProblemJsonContext).Assembly.GetType(typeName, throwOnError: true)!;
        var jsonNames = TypeInfo(type).Properties.Select(p => p.Name);

        Assert.True(Schemas.TryGetValue(type.Name, out var schema), $"No schema component named {type.Name}.");
        Assert.Equal(jsonNames.Order(StringComparer.Ordinal), schema!.Properties!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Components_EverySchema_NamesABodyType()
    {
        Assert.Equal(BodyTypeList.Select(t => t.Name).Order(StringComparer.Ordinal), Schemas.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(BodyTypes))]
    public void Components_ResponseBody_RequiresExactlyThePropertiesThatAreNeverNull(string typeName)
    {
        var type = typeof(ProblemJsonContext).Assembly.GetType(typeName, throwOnError: true)!;
        if (type.Name.EndsWith("Request", StringComparison.Ordinal))
        {
            // Request fields are nullable on purpose (a missing field is a 400, not a crash); the schema says what is valid.
            return;
        }

        var nullability = new NullabilityInfoContext();
        var neverNull = TypeInfo(type).Properties
            .Where(p => nullability.Create((PropertyInfo)p.AttributeProvider!).ReadState == NullabilityState.NotNull)
            .Select(p => p.Name);

        Assert.Equal(neverNull.Order(StringComparer.Ordinal), (Schemas[type.Name].Required ?? new HashSet<string>()).Order(StringComparer.Ordinal));
    }

    public static TheoryData<string, object> RealBodies => new()
    {
        { nameof(SessionResponse), new SessionResponse("0f1e2d3c4b5a69788796a5b4c3d2e1f0", "ada@example.test", "Ada", Now.AddMinutes(15), Now.AddDays(1)) },
        { nameof(TokenResponse), new TokenResponse("eyJ.a.b", new string('A', 92), "Bearer", 900, "0f1e2d3c4b5a69788796a5b4c3d2e1f0", "ada@example.test", "Ada", Now.AddMinutes(15), Now.AddDays(1)) },
        { nameof(UserResponse), new UserResponse("0f1e2d3c4b5a69788796a5b4c3d2e1f0", "ada@example.test", "ada") },
        { nameof(Problem), new Problem("https://tools.ietf.org/html/rfc9110#section-15.5.1", "Bad Request", 400, "The registration is invalid.") },
        { nameof(Problem), new Problem("https://tools.ietf.org/html/rfc9110#section-15.5.1", "Bad Request", 400, "Invalid.", new Dictionary<string, string[]> { ["password"] = ["Too short."] }) },
        { nameof(Problem), new Problem("https://tools.ietf.org/html/rfc6585#section-4", "Too Many Requests", 429, "Locked.", RetryAfter: 900) },
        { nameof(HealthResponse), new HealthResponse("healthy") },
        { nameof(JsonWebKeySetResponse), new JsonWebKeySetResponse([new JsonWebKeyResponse("EC", "P-256", "eA", "eQ", "es-1", "sig", "ES256")]) },
        { nameof(OpenIdConfigurationResponse), new OpenIdConfigurationResponse("https://funcauth.test/", "https://funcauth.test/api/.well-known/jwks.json", ["public"], ["ES256"], ["sub"]) },
        { nameof(RegisterRequest), new RegisterRequest("ada@example.test", "correct horse battery staple", "Ada") },
        { nameof(LoginRequest), new LoginRequest("ada@example.test", "correct horse battery staple") },
        { nameof(RefreshRequest), new RefreshRequest(new string('A', 92)) },
    };

    [Theory]
    [MemberData(nameof(RealBodies))]
    public void Serialize_RealBody_MatchesItsSchema(string schemaName, object body)
    {
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(body, TypeInfo(body.GetType())));

        Assert.Equal([], SchemaConformance.Check(Schemas[schemaName], json.RootElement));
    }

    [Fact]
    public void Serialize_TokenResponse_IsNotMistakenForACookieModeBody()
    {
        var tokens = new TokenResponse("eyJ.a.b", "r", "Bearer", 900, "0f1e2d3c4b5a69788796a5b4c3d2e1f0", "ada@example.test", "Ada", Now, Now);
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(tokens, SessionsJsonContext.Default.TokenResponse));

        Assert.Contains(SchemaConformance.Check(Schemas[nameof(SessionResponse)], json.RootElement), e => e.Contains("'accessToken' is not declared", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"userId":"u","email":"e","displayName":"d"}""", "'accessTokenExpiresAt' is missing")]
    [InlineData("""{"userId":"u","email":"e","displayName":"d","accessTokenExpiresAt":"tomorrow","refreshTokenExpiresAt":"2026-11-29T12:00:00+00:00"}""", "is not a date-time")]
    [InlineData("""{"userId":1,"email":"e","displayName":"d","accessTokenExpiresAt":"2026-11-29T12:00:00Z","refreshTokenExpiresAt":"2026-11-29T12:00:00Z"}""", "Number where the schema says String")]
    public void Check_BodyBreakingTheSessionSchema_ReportsWhy(string body, string expected)
    {
        using var json = JsonDocument.Parse(body);

        Assert.Contains(SchemaConformance.Check(Schemas[nameof(SessionResponse)], json.RootElement), e => e.Contains(expected, StringComparison.Ordinal));
    }

    /// <summary>The metadata of a body type from the one context that declares it.</summary>
    private static System.Text.Json.Serialization.Metadata.JsonTypeInfo TypeInfo(Type type) =>
        Contexts.Select(c => c.GetTypeInfo(type)).OfType<System.Text.Json.Serialization.Metadata.JsonTypeInfo>().Single();
}
