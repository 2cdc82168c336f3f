using System.Buffers.Binary;
using System.Buffers.Text;
using FuncAuth.Auth;
using FuncAuth.Sessions;
using FuncAuth.Tokens;

namespace FuncAuth.Fuzz.Targets;

/// <summary>
/// <c>refresh-token</c>: the input is a presented refresh token. <see cref="RefreshTokenCodec.TryParse"/> must not throw;
/// Genuine only for the exact string issued for its (user, session, generation); Forged only for well-formed version-1
/// tokens; the key ring with the fuzz key retired agrees; and a token that is not Genuine reaches no storage at all,
/// whether refreshed or logged out.
/// </summary>
public static class RefreshTokenTarget
{
    /// <summary>Runs one input.</summary>
    public static void Run(ReadOnlySpan<byte> input)
    {
        var token = FuzzText.Decode(input);
        var result = FuzzAuth.RefreshTokens.TryParse(token, out var parsed);
        FuzzInvariantException.Holds(Enum.IsDefined(result), "TryParse returns a defined result");
        FuzzInvariantException.Holds((result == RefreshTokenParseResult.Genuine) == (parsed is not null), "parsed is set exactly for Genuine");

        switch (result)
        {
            case RefreshTokenParseResult.Genuine:
                FuzzInvariantException.Holds(
                    FuzzAuth.RefreshTokens.Issue(parsed!.UserId, parsed.SessionId, parsed.Generation) == token,
                    "a Genuine token is exactly the one issued for its (user, session, generation)");
                break;
            case RefreshTokenParseResult.Forged:
                FuzzInvariantException.Holds(IsWellFormedVersion1(token), "Forged only for well-formed version-1 tokens");
                break;
        }

        var rotated = FuzzAuth.RotatedRefreshTokens.TryParse(token, out var rotatedParsed);
        FuzzInvariantException.Holds(rotated == result && Equals(rotatedParsed, parsed), "a retired key's tokens parse the same while it is in the ring");

        var store = new NoSessionStore();
        var sessions = FuzzAuth.Sessions(store);
        var refresh = sessions.RefreshAsync(token, CancellationToken.None).GetAwaiter().GetResult();
        var reason = (refresh as RefreshResult.Failure)?.Reason;
        if (result == RefreshTokenParseResult.Genuine)
        {
            FuzzInvariantException.Holds(reason == RefreshFailureReason.Unknown && store.Calls == 1, "a genuine token of no stored session costs one read");
        }
        else
        {
            var expected = result == RefreshTokenParseResult.Forged ? RefreshFailureReason.Forged : RefreshFailureReason.Malformed;
            FuzzInvariantException.Holds(reason == expected && store.Calls == 0, "a token that is not genuine is refused before any storage call");
        }

        store = new NoSessionStore();
        FuzzAuth.Sessions(store).LogoutAsync(token, null, CancellationToken.None).GetAwaiter().GetResult();
        FuzzInvariantException.Holds(store.Calls == (result == RefreshTokenParseResult.Genuine ? 1 : 0), "only a genuine token can end a session");
    }

    private static bool IsWellFormedVersion1(string token)
    {
        if (token.Length != RefreshTokenCodec.EncodedLength || !Base64Url.IsValid(token, out var length) || length != RefreshTokenCodec.TokenByteLength)
        {
            return false;
        }

        var bytes = Base64Url.DecodeFromChars(token);
        return bytes[0] == RefreshTokenCodec.Version
            && BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(33, 4)) >= 0
            && Base64Url.EncodeToString(bytes) == token;
    }
}
