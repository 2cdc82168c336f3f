namespace FuncAuth.Discovery;

/// <summary>One public EC key of the JWKS (RFC 7517 / 7518 §6.2.1): never the private scalar <c>d</c>.</summary>
public sealed record JsonWebKeyResponse(string Kty, string Crv, string X, string Y, string Kid, string Use, string Alg);
