namespace FuncAuth.Auth;

/// <summary>The caller proven by a valid access token: what protected functions see.</summary>
/// <param name="UserId">JWT <c>sub</c>.</param>
/// <param name="SessionId">JWT <c>sid</c>.</param>
/// <param name="Email">JWT <c>email</c>.</param>
/// <param name="DisplayName">JWT <c>name</c>.</param>
public sealed record AuthenticatedUser(string UserId, string SessionId, string Email, string DisplayName);
