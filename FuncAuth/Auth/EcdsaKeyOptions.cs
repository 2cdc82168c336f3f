namespace FuncAuth.Auth;

/// <summary>One ES256 signing key with its <c>kid</c> (<c>Auth__EcdsaKeys__N__*</c>).</summary>
public sealed class EcdsaKeyOptions
{
    /// <summary><c>Auth__EcdsaKeys__N__Id</c>: the JWT header <c>kid</c> and the JWKS <c>kid</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>
    /// <c>Auth__EcdsaKeys__N__PrivateKey</c>: a P-256 private key as PEM (<c>BEGIN PRIVATE KEY</c> or
    /// <c>BEGIN EC PRIVATE KEY</c>, e.g. a Key Vault reference) or as base64 of its PKCS#8 DER (one line, for
    /// environment variables). Never echoed in messages or logs.
    /// </summary>
    public string PrivateKey { get; set; } = "";
}
