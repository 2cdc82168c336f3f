using FuncAuth.Passwords;

namespace FuncAuth.Users;

/// <summary>Input limits shared by the HTTP layer (which answers 400) and the services.</summary>
public static class CredentialRules
{
    /// <summary>
    /// Longest raw password (UTF-16 units) any endpoint reads: bounds the input an anonymous caller can make us
    /// normalize and hash. Registration's real limits are code points after NFKC, from <c>PasswordPolicy</c>.
    /// </summary>
    public const int MaxPasswordLength = PasswordPolicy.MaxInputLength;

    /// <summary>Longest display name accepted.</summary>
    public const int MaxDisplayNameLength = 100;
}
