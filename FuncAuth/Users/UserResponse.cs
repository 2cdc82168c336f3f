namespace FuncAuth.Users;

/// <summary>The public view of a user: <c>register</c> and <c>me</c> answer with it.</summary>
public sealed record UserResponse(string UserId, string Email, string DisplayName);
