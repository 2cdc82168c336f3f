using FuncAuth.Tokens;
namespace FuncAuth.Sessions;

/// <summary>Outcome of a login attempt.</summary>
public abstract record LoginResult
{
    private LoginResult() { }

    /// <summary>Password matched; a new session was stored.</summary>
    public sealed record Success(IssuedTokens Tokens) : LoginResult;

    /// <summary>Unknown email or wrong password: the caller cannot tell which.</summary>
    public sealed record InvalidCredentials : LoginResult;

    /// <summary>
    /// The account is locked, or its attempt could not be counted (too many concurrent attempts on it): nothing was
    /// verified; try again after <paramref name="RetryAfter"/>.
    /// </summary>
    public sealed record LockedOut(TimeSpan RetryAfter) : LoginResult;
}
