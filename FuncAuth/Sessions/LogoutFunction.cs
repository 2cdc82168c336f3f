using System.Net;
using FuncAuth.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace FuncAuth.Sessions;

/// <summary><c>POST /api/auth/logout</c>: ends the current session and expires both cookies.</summary>
public sealed class LogoutFunction(SessionService sessions, AuthCookies cookies)
{
    /// <summary>
    /// 204, also when already logged out. The session comes from the refresh cookie, a body <c>{refreshToken}</c>
    /// (see <see cref="PresentedRefreshToken"/>), or else the <c>sid</c> of a valid access token.
    /// </summary>
    [Function("Logout")]
    public async Task<HttpResponseData> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HttpNames.Routes.Logout)] HttpRequestData request,
        FunctionContext context)
    {
        var (presented, problem) = await PresentedRefreshToken.ReadAsync(request, cookies, bodyRequired: false, context.CancellationToken);
        if (presented is null)
        {
            return problem!;
        }

        var refreshToken = presented.Token;
        await sessions.LogoutAsync(refreshToken, context.GetAuthenticatedUser(), context.CancellationToken);
        var response = request.CreateResponse(HttpStatusCode.NoContent);
        cookies.ExpireSessionCookies(response);
        return response.NoStore();
    }
}
