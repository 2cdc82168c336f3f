namespace FuncAuth.Tokens;

/// <summary>A signed JWT and when it expires.</summary>
public sealed record IssuedAccessToken(string Token, DateTimeOffset ExpiresAt);
