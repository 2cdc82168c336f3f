using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FuncAuth.Auth;

namespace FuncAuth.Fuzz.Targets;

/// <summary>
/// <c>access-token</c>: the input is a presented access token (cookie or Bearer). <c>Validate</c> must not throw, and
/// may name a caller only for a compact HS256 JWS whose signature is the HMAC of its exact header and payload under a
/// configured key, spelled canonically, naming that caller in <c>sub</c>/<c>sid</c>. The ring with the fuzz key
/// retired must agree.
/// </summary>
public static class AccessTokenTarget
{
    /// <summary>Runs one input.</summary>
    public static void Run(ReadOnlySpan<byte> input)
    {
        var token = FuzzText.Decode(input);
        var caller = FuzzAuth.AccessTokens.Validate(token);
        var rotated = FuzzAuth.RotatedAccessTokens.Validate(token);
        FuzzInvariantException.Holds(Equals(caller, rotated), "a retired key's tokens validate the same while it is in the ring");
        if (caller is not null)
        {
            FuzzInvariantException.Holds(IsSignedByUs(token, caller), "only a token signed with our key, unchanged, names a caller");
        }
    }

    private static bool IsSignedByUs(string token, AuthenticatedUser caller)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || !Base64Url.IsValid(parts[2]))
        {
            return false;
        }

        var mac = HMACSHA256.HashData(FuzzAuth.SigningKey, Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"));
        if (Base64Url.EncodeToString(mac) != parts[2])
        {
            return false;
        }

        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        return header.RootElement.GetProperty("alg").GetString() == "HS256"
            && payload.RootElement.GetProperty("sub").GetString() == caller.UserId
            && payload.RootElement.GetProperty("sid").GetString() == caller.SessionId;
    }
}
