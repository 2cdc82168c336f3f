namespace FuncAuth.Passwords;

/// <summary>
/// Result of <see cref="PasswordPolicy.Check"/>: the problem, if any, and the limits in force, so the HTTP layer
/// can answer a 400 that says why (<see cref="Message"/>) without echoing the password.
/// </summary>
public sealed record PasswordCheck(PasswordProblem Problem, int MinLength, int MaxLength)
{
    /// <summary>True when the password may be registered.</summary>
    public bool IsAcceptable => Problem == PasswordProblem.None;

    /// <summary>A sentence for the client; null when acceptable.</summary>
    public string? Message => Problem switch
    {
        PasswordProblem.None => null,
        PasswordProblem.InvalidCharacters => "The password contains invalid characters (unpaired surrogates, U+FFFE or control characters).",
        PasswordProblem.TooShort => $"The password must be at least {MinLength} characters long.",
        PasswordProblem.TooLong => $"The password must be at most {MaxLength} characters long.",
        PasswordProblem.Common => "The password is too common or predictable (breached-password lists, one repeated character). Choose another one.",
        _ => throw new InvalidOperationException($"Unknown password problem {Problem}."),
    };
}
