using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FuncAuth.Auth;
using FuncAuth.TestSupport.Auth;
using FuncAuth.Tokens;
using Microsoft.Extensions.Time.Testing;

namespace FuncAuth.Tests.Tokens;

/// <summary>The kid picks the one key a token is checked with; argument guards; the length bound's edge.</summary>
public sealed class AccessTokenServiceKeySelectionTests
{
    private static readonly AuthenticatedUser Alice = new("0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210");

    private readonly FakeTimeProvider _clock = TestAuth.Clock();
    private readonly AuthOptions _options = TestAuth.Options();

    private AccessTokenService Service() => TestAuth.AccessTokens(_options, _clock);

    private static string Encode(JsonObject json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString()));

    private static JsonObject Payload(string token) =>
        JsonNode.Parse(Base64Url.DecodeFromChars(token.Split('.')[1]))!.AsObject();

    // An HS256 token over the given header and payload, signed with the configured key.
    private string Sign(JsonObject header, JsonObject payload)
    {
        var signingInput = $"{Encode(header)}.{Encode(payload)}";
        var signature = HMACSHA256.HashData(Convert.FromBase64String(_options.SigningKey!), Encoding.ASCII.GetBytes(signingInput));
        return $"{signingInput}.{Base64Url.EncodeToString(signature)}";
    }

    private static JsonObject Header(string? kid)
    {
        var header = new JsonObject { ["alg"] = "HS256", ["typ"] = "JWT" };
        if (kid is not null)
        {
            header["kid"] = kid;
        }

        return header;
    }

    [Fact]
    public void Validate_ConfiguredKeyUnderItsOwnKid_ReturnsUser() =>
        Assert.Equal(Alice, Service().Validate(Sign(Header(SigningKeyRing.DefaultKeyId), Payload(Service().Issue(Alice).Token))));

    [Fact]
    public void Validate_ConfiguredKeyUnderAnUnknownKid_ReturnsNull() =>
        Assert.Null(Service().Validate(Sign(Header("someone-elses-key"), Payload(Service().Issue(Alice).Token))));

    [Fact]
    public void Validate_ConfiguredKeyWithoutKid_ReturnsNull() =>
        Assert.Null(Service().Validate(Sign(Header(kid: null), Payload(Service().Issue(Alice).Token))));

    [Fact]
    public void Validate_OlderKeyUnderTheNewerKeysKid_ReturnsNull()
    {
        var older = TestAuth.NewKey();
        var rotated = TestAuth.Options(o => o.SigningKeys =
        [
            new SigningKeyOptions { Id = "old", Key = older },
            new SigningKeyOptions { Id = "new", Key = TestAuth.NewKey() },
        ]);
        var beforeRotation = TestAuth.Options(o => o.SigningKeys = [new SigningKeyOptions { Id = "new", Key = older }]);
        var token = TestAuth.AccessTokens(beforeRotation, _clock).Issue(Alice).Token;

        // Signed by a configured key, but the kid names another one: only the named key is tried.
        Assert.Null(TestAuth.AccessTokens(rotated, _clock).Validate(token));
    }

    [Fact]
    public void Validate_TokenWithoutAudience_ReturnsNull()
    {
        var payload = Payload(Service().Issue(Alice).Token);
        payload.Remove("aud");

        Assert.Null(Service().Validate(Sign(Header(SigningKeyRing.DefaultKeyId), payload)));
    }

    [Fact]
    public void Validate_TokenOfExactlyMaxLength_ReturnsUser()
    {
        var payload = Payload(Service().Issue(Alice).Token);
        var token = PadTo(AccessTokenService.MaxTokenLength, payload);

        Assert.Equal(AccessTokenService.MaxTokenLength, token.Length);
        Assert.Equal(Alice, Service().Validate(token));
    }

    [Fact]
    public void Validate_TokenOneOverMaxLength_ReturnsNull()
    {
        var payload = Payload(Service().Issue(Alice).Token);
        var token = PadTo(AccessTokenService.MaxTokenLength + 1, payload);

        Assert.Equal(AccessTokenService.MaxTokenLength + 1, token.Length);
        Assert.Null(Service().Validate(token));
    }

    [Fact]
    public void Constructor_NullOptions_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => new AccessTokenService(null!, new SigningKeyRing(_options), _clock));

    [Fact]
    public void Issue_NullUser_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => Service().Issue(null!));

    // A genuine token padded (extra header and payload members) to exactly `length` characters.
    private string PadTo(int length, JsonObject payload)
    {
        for (var headerPad = 0; headerPad < 8; headerPad++)
        {
            for (var payloadPad = 0; payloadPad < 4000; payloadPad++)
            {
                var header = Header(SigningKeyRing.DefaultKeyId);
                header["pad"] = new string('h', headerPad);
                var padded = payload.DeepClone().AsObject();
                padded["pad"] = new string('p', payloadPad);
                var token = Sign(header, padded);
                if (token.Length == length)
                {
                    return token;
                }

                if (token.Length > length)
                {
                    break;
                }
            }
        }

        throw new InvalidOperationException($"No padding gives a token of {length} characters.");
    }
}
