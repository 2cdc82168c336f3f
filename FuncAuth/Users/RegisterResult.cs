namespace FuncAuth.Users;

/// <summary>Outcome of a registration.</summary>
public abstract record RegisterResult
{
    private RegisterResult() { }

    /// <summary>The user was stored.</summary>
    public sealed record Created(string UserId, string Email, string DisplayName) : RegisterResult;

    /// <summary>The (normalized) email is already registered.</summary>
    public sealed record EmailTaken : RegisterResult;
}
