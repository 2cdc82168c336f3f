namespace FuncAuth.Tokens;

/// <summary>A freshly minted refresh token: the secret for the client and the hash for storage.</summary>
/// <param name="Token">base64url (no padding) of user id ‖ session id ‖ 32 random bytes. Never stored or logged.</param>
/// <param name="Hash">base64url SHA-256 of the 64 token bytes; the only form storage keeps.</param>
public sealed record NewRefreshToken(string Token, string Hash);
