using System.Buffers.Text;
using System.Security.Cryptography;

namespace FuncAuth.TestSupport.Functions;

/// <summary>Builds refresh tokens the way an attacker who knows the (non-secret) ids would.</summary>
public static class RefreshTokenForgery
{
    /// <summary>The first 37 bytes (version, user id, session id, generation) are kept; the 32-byte MAC is random.</summary>
    public static string WithRandomMac(string genuine)
    {
        var bytes = Base64Url.DecodeFromChars(genuine);
        RandomNumberGenerator.Fill(bytes.AsSpan(37));
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>A version-1 token naming the given (public) ids and generation, with a random MAC.</summary>
    public static string FromIds(string userId, string sessionId, int generation = 0)
    {
        var bytes = new byte[69];
        bytes[0] = 1;
        Convert.FromHexString(userId).CopyTo(bytes, 1);
        Convert.FromHexString(sessionId).CopyTo(bytes, 17);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(33, 4), generation);
        RandomNumberGenerator.Fill(bytes.AsSpan(37));
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>The <c>sid</c> an access token carries in plain sight (its payload is only base64url).</summary>
    public static string SessionIdOf(string accessToken) =>
        System.Text.Json.JsonDocument.Parse(Base64Url.DecodeFromChars(accessToken.Split('.')[1])).RootElement.GetProperty("sid").GetString()!;
}
