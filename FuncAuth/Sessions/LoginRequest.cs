namespace FuncAuth.Sessions;

/// <summary>Body of <c>POST /api/auth/login</c>.</summary>
public sealed record LoginRequest(string? Email, string? Password);
