namespace FuncAuth.Users;

/// <summary>Input limits shared by the HTTP layer (which answers 400) and the services.</summary>
public static class CredentialRules
{
    /// <summary>Shortest password accepted at registration.</summary>
    public const int MinPasswordLength = 8;

    /// <summary>Longest password accepted: bounds the PBKDF2 input an anonymous caller can make us hash.</summary>
    public const int MaxPasswordLength = 128;

    /// <summary>Longest display name accepted.</summary>
    public const int MaxDisplayNameLength = 100;
}
