namespace FuncAuth.Passwords;

/// <summary>Why <see cref="PasswordPolicy"/> refuses a password for registration.</summary>
public enum PasswordProblem
{
    /// <summary>Acceptable.</summary>
    None,

    /// <summary>Unpaired UTF-16 surrogates (e.g. a JSON <c>\ud800</c> escape) or control characters.</summary>
    InvalidCharacters,

    /// <summary>Fewer code points than <c>Auth__Passwords__MinLength</c>.</summary>
    TooShort,

    /// <summary>More code points than <c>Auth__Passwords__MaxLength</c>.</summary>
    TooLong,

    /// <summary>On the list of common and breached passwords (case-insensitive), or one character repeated.</summary>
    Common,
}
