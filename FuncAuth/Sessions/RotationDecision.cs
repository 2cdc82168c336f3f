namespace FuncAuth.Sessions;

/// <summary>What <see cref="SessionRotation.Decide"/> concluded about a genuine refresh token of a session.</summary>
public enum RotationDecision
{
    /// <summary>The current token, unexpired: replace it with the next generation.</summary>
    Rotate,

    /// <summary>
    /// The token replaced by the last rotation, within the grace window: answer with the same successor again (a
    /// retried request, a lost response or a racing tab), without writing anything.
    /// </summary>
    ReissueSuccessor,

    /// <summary>The current token (or its just-replaced predecessor), but the refresh or the session has expired.</summary>
    Expired,

    /// <summary>The session was revoked earlier; nothing it issued is accepted.</summary>
    Revoked,

    /// <summary>A token of an earlier generation, outside the grace window: someone kept a copy. Revoke the session.</summary>
    ReplayDetected,

    /// <summary>A generation the session never reached: not a token of this session row.</summary>
    Unknown,
}
