using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FuncAuth.Auth;
using FuncAuth.TestSupport.Auth;
using FuncAuth.Tokens;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FuncAuth.Tests.Tokens;

public sealed class AccessTokenServiceTests
{
    private static readonly AuthenticatedUser Alice = new("0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210");

    private readonly FakeTimeProvider _clock = TestAuth.Clock();
    private readonly AuthOptions _options = TestAuth.Options();

    private AccessTokenService Service(AuthOptions? options = null, TimeProvider? clock = null) =>
        TestAuth.AccessTokens(options ?? _options, clock ?? _clock);

    private static JsonObject Segment(string token, int index) =>
        JsonNode.Parse(Base64Url.DecodeFromChars(token.Split('.')[index]))!.AsObject();

    private static string Encode(JsonObject json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString()));

    private string SignWith(string algorithm, string keyBase64, string keyId, Action<SecurityTokenDescriptor>? configure = null)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = _options.Issuer,
            Audience = _options.Audience,
            IssuedAt = TestAuth.Start.UtcDateTime,
            NotBefore = TestAuth.Start.UtcDateTime,
            Expires = TestAuth.Start.AddMinutes(15).UtcDateTime,
            Claims = new Dictionary<string, object> { ["sub"] = Alice.UserId, ["sid"] = Alice.SessionId },
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Convert.FromBase64String(keyBase64)) { KeyId = keyId }, algorithm),
        };
        configure?.Invoke(descriptor);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    [Fact]
    public void Validate_IssuedToken_ReturnsSameUser()
    {
        var service = Service();
        var issued = service.Issue(Alice);

        Assert.Equal(Alice, service.Validate(issued.Token));
        Assert.Equal(TestAuth.Start + _options.AccessTokenLifetime, issued.ExpiresAt);
    }

    [Fact]
    public void Issue_Always_WritesExpectedClaimsAndNoSecrets()
    {
        var issued = Service().Issue(Alice);
        var header = Segment(issued.Token, 0);
        var payload = Segment(issued.Token, 1);

        Assert.Equal("HS256", (string?)header["alg"]);
        Assert.Equal(SigningKeyRing.DefaultKeyId, (string?)header["kid"]);
        Assert.Equal(Alice.UserId, (string?)payload["sub"]);
        Assert.Equal(Alice.SessionId, (string?)payload["sid"]);
        Assert.Equal(_options.Issuer, (string?)payload["iss"]);
        Assert.Equal(_options.Audience, (string?)payload["aud"]);
        Assert.Equal(TestAuth.Start.ToUnixTimeSeconds(), (long)payload["iat"]!);
        Assert.Equal(TestAuth.Start.ToUnixTimeSeconds(), (long)payload["nbf"]!);
        Assert.Equal((TestAuth.Start + _options.AccessTokenLifetime).ToUnixTimeSeconds(), (long)payload["exp"]!);
        Assert.False(string.IsNullOrEmpty((string?)payload["jti"]));
        Assert.Equal(
            ["aud", "exp", "iat", "iss", "jti", "nbf", "sid", "sub"],
            payload.Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Issue_TwoTokens_HaveDifferentJti()
    {
        var service = Service();
        Assert.NotEqual((string?)Segment(service.Issue(Alice).Token, 1)["jti"], (string?)Segment(service.Issue(Alice).Token, 1)["jti"]);
    }

    [Fact]
    public void Validate_OneSecondBeforeExpiryPlusSkew_ReturnsUser()
    {
        var service = Service();
        var token = service.Issue(Alice).Token;

        _clock.Advance(_options.AccessTokenLifetime + _options.ClockSkew - TimeSpan.FromSeconds(1));

        Assert.NotNull(service.Validate(token));
    }

    [Fact]
    public void Validate_AtExpiryPlusSkew_ReturnsNull()
    {
        var service = Service();
        var token = service.Issue(Alice).Token;

        _clock.Advance(_options.AccessTokenLifetime + _options.ClockSkew);

        Assert.Null(service.Validate(token));
    }

    [Fact]
    public void Validate_NotBeforeBeyondSkew_ReturnsNull()
    {
        var future = new FakeTimeProvider(TestAuth.Start + _options.ClockSkew + TimeSpan.FromSeconds(1));
        var token = Service(clock: future).Issue(Alice).Token;

        Assert.Null(Service().Validate(token));
    }

    [Fact]
    public void Validate_NotBeforeWithinSkew_ReturnsUser()
    {
        var future = new FakeTimeProvider(TestAuth.Start + _options.ClockSkew);
        var token = Service(clock: future).Issue(Alice).Token;

        Assert.NotNull(Service().Validate(token));
    }

    [Fact]
    public void Validate_WrongIssuer_ReturnsNull()
    {
        var other = TestAuth.Options(o => { o.SigningKey = _options.SigningKey; o.Issuer = "someone-else"; });
        Assert.Null(Service().Validate(Service(other).Issue(Alice).Token));
    }

    [Fact]
    public void Validate_WrongAudience_ReturnsNull()
    {
        var other = TestAuth.Options(o => { o.SigningKey = _options.SigningKey; o.Audience = "another-api"; });
        Assert.Null(Service().Validate(Service(other).Issue(Alice).Token));
    }

    [Fact]
    public void Validate_TamperedPayload_ReturnsNull()
    {
        var parts = Service().Issue(Alice).Token.Split('.');
        var payload = Segment(string.Join('.', parts), 1);
        payload["sub"] = "ffffffffffffffffffffffffffffffff";

        Assert.Null(Service().Validate($"{parts[0]}.{Encode(payload)}.{parts[2]}"));
    }

    [Fact]
    public void Validate_AlgNoneBuiltByHand_ReturnsNull()
    {
        var payload = Segment(Service().Issue(Alice).Token, 1);
        var header = new JsonObject { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = SigningKeyRing.DefaultKeyId };

        Assert.Null(Service().Validate($"{Encode(header)}.{Encode(payload)}."));
    }

    [Fact]
    public void Validate_Hs512WithSameKey_ReturnsNull()
    {
        // A 512-bit key, so IdentityModel itself would accept HS512 if the algorithm were not pinned.
        var options = TestAuth.Options(o => o.SigningKey = TestAuth.NewKey(64));
        var payload = Segment(Service(options).Issue(Alice).Token, 1);
        var header = new JsonObject { ["alg"] = "HS512", ["typ"] = "JWT", ["kid"] = SigningKeyRing.DefaultKeyId };
        var signingInput = $"{Encode(header)}.{Encode(payload)}";
        var signature = HMACSHA512.HashData(Convert.FromBase64String(options.SigningKey!), Encoding.ASCII.GetBytes(signingInput));

        Assert.Null(Service(options).Validate($"{signingInput}.{Base64Url.EncodeToString(signature)}"));
    }

    [Fact]
    public void Validate_Hs256BuiltByHandWithSameKey_ReturnsUser()
    {
        // Control for the HS512 test: the same hand-built token with HS256 is accepted.
        var payload = Segment(Service().Issue(Alice).Token, 1);
        var header = new JsonObject { ["alg"] = "HS256", ["typ"] = "JWT", ["kid"] = SigningKeyRing.DefaultKeyId };
        var signingInput = $"{Encode(header)}.{Encode(payload)}";
        var signature = HMACSHA256.HashData(Convert.FromBase64String(_options.SigningKey!), Encoding.ASCII.GetBytes(signingInput));

        Assert.Equal(Alice, Service().Validate($"{signingInput}.{Base64Url.EncodeToString(signature)}"));
    }

    [Fact]
    public void Validate_Hs256WithSameKeyAndKid_ReturnsUser()
    {
        // Control for the alg-swap test: only the algorithm differs there.
        var token = SignWith(SecurityAlgorithms.HmacSha256, _options.SigningKey!, SigningKeyRing.DefaultKeyId);
        Assert.NotNull(Service().Validate(token));
    }

    [Fact]
    public void Validate_Rs256Header_ReturnsNull()
    {
        var parts = Service().Issue(Alice).Token.Split('.');
        var header = Segment(parts[0] + ".", 0);
        header["alg"] = "RS256";

        Assert.Null(Service().Validate($"{Encode(header)}.{parts[1]}.{parts[2]}"));
    }

    [Fact]
    public void Validate_UnknownKeyWithKnownKid_ReturnsNull() =>
        Assert.Null(Service().Validate(SignWith(SecurityAlgorithms.HmacSha256, TestAuth.NewKey(), SigningKeyRing.DefaultKeyId)));

    [Fact]
    public void Validate_MissingSid_ReturnsNull()
    {
        var token = SignWith(SecurityAlgorithms.HmacSha256, _options.SigningKey!, SigningKeyRing.DefaultKeyId,
            d => d.Claims = new Dictionary<string, object> { ["sub"] = Alice.UserId });
        Assert.Null(Service().Validate(token));
    }

    [Fact]
    public void Validate_MissingSub_ReturnsNull()
    {
        var token = SignWith(SecurityAlgorithms.HmacSha256, _options.SigningKey!, SigningKeyRing.DefaultKeyId,
            d => d.Claims = new Dictionary<string, object> { ["sid"] = Alice.SessionId });
        Assert.Null(Service().Validate(token));
    }

    [Fact]
    public void Validate_MissingExp_ReturnsNull()
    {
        var token = SignWith(SecurityAlgorithms.HmacSha256, _options.SigningKey!, SigningKeyRing.DefaultKeyId, d => d.Expires = null);
        Assert.Null(Service().Validate(token));
    }

    [Fact]
    public void Validate_OversizedToken_ReturnsNull()
    {
        // Validly signed, but over the limit: proves the length check runs before validation.
        var token = SignWith(SecurityAlgorithms.HmacSha256, _options.SigningKey!, SigningKeyRing.DefaultKeyId, d =>
            d.Claims["pad"] = new string('n', AccessTokenService.MaxTokenLength));
        Assert.NotNull(Service().Validate(SignWith(SecurityAlgorithms.HmacSha256, _options.SigningKey!, SigningKeyRing.DefaultKeyId)));

        Assert.True(token.Length > AccessTokenService.MaxTokenLength);
        Assert.Null(Service().Validate(token));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    [InlineData("....")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.e30.")]
    [InlineData("%00%ff.\u0000.\uffff")]
    public void Validate_Garbage_ReturnsNull(string? token) => Assert.Null(Service().Validate(token));

    [Fact]
    public void Validate_TokenSignedByOlderConfiguredKey_ReturnsUser()
    {
        var oldKey = new SigningKeyOptions { Id = "2024", Key = TestAuth.NewKey() };
        var newKey = new SigningKeyOptions { Id = "2025", Key = TestAuth.NewKey() };
        var before = Service(TestAuth.Options(o => { o.SigningKey = null; o.SigningKeys = [oldKey]; })).Issue(Alice).Token;

        var rotated = Service(TestAuth.Options(o => { o.SigningKey = null; o.SigningKeys = [oldKey, newKey]; }));

        Assert.Equal(Alice, rotated.Validate(before));
        Assert.Equal("2025", (string?)Segment(rotated.Issue(Alice).Token, 0)["kid"]);
    }

    [Fact]
    public void Validate_TokenSignedByRemovedKey_ReturnsNull()
    {
        var oldKey = new SigningKeyOptions { Id = "2024", Key = TestAuth.NewKey() };
        var newKey = new SigningKeyOptions { Id = "2025", Key = TestAuth.NewKey() };
        var before = Service(TestAuth.Options(o => { o.SigningKey = null; o.SigningKeys = [oldKey]; })).Issue(Alice).Token;

        Assert.Null(Service(TestAuth.Options(o => { o.SigningKey = null; o.SigningKeys = [newKey]; })).Validate(before));
    }

    [Fact]
    public void Validate_PayloadIsJson_SubIsUserIdNotEmail()
    {
        var payload = Segment(Service().Issue(Alice).Token, 1);
        Assert.DoesNotContain("@", (string?)payload["sub"], StringComparison.Ordinal);
        Assert.DoesNotContain("password", payload.ToJsonString(new JsonSerializerOptions()), StringComparison.OrdinalIgnoreCase);
    }
}
