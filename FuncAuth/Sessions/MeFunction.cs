using System.Net;
using FuncAuth.Http;
using FuncAuth.Users;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace FuncAuth.Sessions;

/// <summary>
/// <c>GET /api/users/me</c>: who the caller is. The access token carries no personal data, so the email and display
/// name come from the caller's session row (copied from the user at login): one point read, by the token's
/// <c>sub</c> and <c>sid</c>. A session that has ended (logout, revocation) answers 401 here even while the access token
/// has not expired.
/// </summary>
public sealed class MeFunction(ISessionStore sessions, TimeProvider time)
{
    /// <summary>200 with the caller; 401 for anonymous callers (the middleware) and for ended sessions.</summary>
    [Function("Me")]
    [RequireAuthentication]
    public async Task<HttpResponseData> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HttpNames.Routes.Me)] HttpRequestData request,
        FunctionContext context)
    {
        var user = context.GetRequiredAuthenticatedUser();
        var session = await sessions.GetAsync(user.UserId, user.SessionId, context.CancellationToken);
        if (session is null || session.RevokedAt is not null || time.GetUtcNow() >= session.AbsoluteExpiresAt)
        {
            return ProblemResponses.Unauthorized(request, "The session has ended; sign in again.", invalidToken: true);
        }

        return JsonResponses.Create(
            request, HttpStatusCode.OK, new UserResponse(user.UserId, session.Email, session.DisplayName), UsersJsonContext.Default.UserResponse);
    }
}
