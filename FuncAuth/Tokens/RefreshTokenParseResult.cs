namespace FuncAuth.Tokens;

/// <summary>Why a presented refresh token was or was not accepted as one of ours; only <see cref="Genuine"/> reaches storage.</summary>
public enum RefreshTokenParseResult
{
    /// <summary>Well-formed and its MAC verified under a configured key.</summary>
    Genuine,

    /// <summary>Not the canonical encoding of a version-1 token (garbage, truncated, padded, another format).</summary>
    Malformed,

    /// <summary>Well-formed, but the MAC does not verify: made up, tampered with, or signed by a retired key.</summary>
    Forged,
}
