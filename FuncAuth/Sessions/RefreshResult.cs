namespace FuncAuth.Sessions;

/// <summary>Outcome of a refresh-token rotation.</summary>
public abstract record RefreshResult
{
    private RefreshResult() { }

    /// <summary>The token was current; it has been replaced by <see cref="Tokens"/>.</summary>
    public sealed record Success(IssuedTokens Tokens) : RefreshResult;

    /// <summary>Refused (always 401 to the client); <paramref name="Reason"/> is for logs only.</summary>
    public sealed record Failure(RefreshFailureReason Reason) : RefreshResult;
}

/// <summary>Why a refresh was refused. Never sent to the client.</summary>
public enum RefreshFailureReason
{
    /// <summary>Not a well-formed refresh token.</summary>
    Malformed,
    /// <summary>No such session, or the token is not one of its tokens.</summary>
    Unknown,
    /// <summary>The token or the session has expired.</summary>
    Expired,
    /// <summary>The session was revoked earlier.</summary>
    Revoked,
    /// <summary>An already-rotated token was replayed after the grace window: the session is now revoked.</summary>
    ReplayDetected,
    /// <summary>The just-replaced token was presented within the grace window: refused, session kept.</summary>
    GraceRefused,
    /// <summary>A concurrent refresh with the same token won the conditional write.</summary>
    LostRace,
}
