namespace FuncAuth.Auth;

/// <summary>One HMAC signing key with its <c>kid</c>.</summary>
public sealed class SigningKeyOptions
{
    /// <summary><c>Auth__SigningKeys__N__Id</c>: the JWT header <c>kid</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary><c>Auth__SigningKeys__N__Key</c>: base64 key of at least 32 bytes.</summary>
    public string Key { get; set; } = "";
}
