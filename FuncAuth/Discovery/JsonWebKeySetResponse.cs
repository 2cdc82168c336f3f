namespace FuncAuth.Discovery;

/// <summary>Body of <c>GET /api/.well-known/jwks.json</c>.</summary>
public sealed record JsonWebKeySetResponse(IReadOnlyList<JsonWebKeyResponse> Keys);
