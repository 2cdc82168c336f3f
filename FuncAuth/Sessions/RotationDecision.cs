namespace FuncAuth.Sessions;

/// <summary>What <see cref="SessionRotation.Decide"/> concluded about a presented refresh token.</summary>
public enum RotationDecision
{
    /// <summary>The current token, unexpired: replace it.</summary>
    Rotate,
    /// <summary>The current token, but past its refresh expiry or the session's absolute expiry.</summary>
    Expired,
    /// <summary>The session was revoked earlier; nothing it issued is accepted.</summary>
    Revoked,
    /// <summary>The token replaced by the last rotation, within the grace window: refuse, keep the session.</summary>
    GraceRefused,
    /// <summary>An already-rotated token after the grace window: revoke the session.</summary>
    ReplayDetected,
    /// <summary>Not a token of this session.</summary>
    Unknown,
}
