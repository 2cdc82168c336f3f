using System.Security.Cryptography;

namespace FuncAuth.Auth;

/// <summary>User and session ids: 16 bytes from the CSPRNG as 32 lower-case hex characters.</summary>
internal static class RandomIds
{
    /// <summary>Bytes in an id; the refresh token format depends on it.</summary>
    public const int ByteLength = 16;

    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(ByteLength));
}
