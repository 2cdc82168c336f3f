namespace FuncAuth.Auth;

/// <summary>
/// The caller proven by a valid access token: what protected functions see. Access tokens carry no personal data
/// (no email, no name): a bearer token is kept by clients, proxies and logs longer than anyone intends.
/// </summary>
/// <param name="UserId">JWT <c>sub</c>.</param>
/// <param name="SessionId">JWT <c>sid</c>.</param>
public sealed record AuthenticatedUser(string UserId, string SessionId);
