using FuncAuth.Auth;
using FuncAuth.Tokens;

namespace FuncAuth.Sessions;

/// <summary>Outcome of a refresh-token rotation.</summary>
public abstract record RefreshResult
{
    private RefreshResult() { }

    /// <summary>The token was current (or its successor was reissued within the grace window): <see cref="Tokens"/> replace it.</summary>
    public sealed record Success(IssuedTokens Tokens) : RefreshResult;

    /// <summary>Refused (always 401 to the client); <paramref name="Reason"/> is for logs and metrics only.</summary>
    public sealed record Failure(RefreshFailureReason Reason) : RefreshResult;
}
