namespace FuncAuth.Users;

/// <summary>Body of <c>POST /api/auth/register</c>. Fields are nullable so a missing field is a 400, not a crash.</summary>
public sealed record RegisterRequest(string? Email, string? Password, string? DisplayName);
