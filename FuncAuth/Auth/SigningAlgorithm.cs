namespace FuncAuth.Auth;

/// <summary><c>Auth__SigningAlgorithm</c>: how access tokens are signed.</summary>
public enum SigningAlgorithm
{
    /// <summary>HMAC-SHA256 with shared secrets (<c>Auth__SigningKey</c> / <c>Auth__SigningKeys</c>): only this API can validate its tokens.</summary>
    HS256,

    /// <summary>ECDSA P-256 with SHA-256 (<c>Auth__EcdsaKeys</c>): public keys are published as a JWKS, so other services validate without a secret.</summary>
    ES256,
}
