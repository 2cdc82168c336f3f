using System.Buffers.Text;
using System.Security.Cryptography;

namespace FuncAuth.Tests.Functions.Harness;

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
}
