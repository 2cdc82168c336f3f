namespace FuncAuth.Auth;

/// <summary>Why a refresh was refused. Never sent to the client.</summary>
public enum RefreshFailureReason
{
    /// <summary>Not a well-formed refresh token.</summary>
    Malformed,

    /// <summary>Well-formed, but its MAC does not verify: never reaches storage, never changes anything.</summary>
    Forged,

    /// <summary>No such session (logged out), or a generation the session never reached.</summary>
    Unknown,

    /// <summary>The token or the session has expired.</summary>
    Expired,

    /// <summary>The session was revoked earlier.</summary>
    Revoked,

    /// <summary>An earlier generation was replayed after the grace window: the session is now revoked.</summary>
    ReplayDetected,

    /// <summary>Concurrent writers kept changing the session while this refresh re-read it.</summary>
    LostRace,
}
