namespace FuncAuth.Health;

/// <summary>Body of a healthy <c>GET /api/health</c>.</summary>
public sealed record HealthResponse(string Status);
