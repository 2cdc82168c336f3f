namespace FuncAuth.Passwords;

/// <summary>Outcome of checking a password against a stored hash.</summary>
public enum PasswordVerification
{
    /// <summary>Wrong password, or a stored value that is corrupt, unknown or out of bounds.</summary>
    Failed,

    /// <summary>The password matches and the hash is as strong as new ones.</summary>
    Success,

    /// <summary>The password matches but the hash is legacy PBKDF2 or weaker than the current Argon2id cost: store <c>HashAsync</c>'s result.</summary>
    SuccessRehashNeeded,
}
