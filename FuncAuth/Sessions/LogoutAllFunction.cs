using System.Net;
using FuncAuth.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace FuncAuth.Sessions;

/// <summary><c>POST /api/auth/logout-all</c>: ends every session of the caller (all devices).</summary>
public sealed class LogoutAllFunction(SessionService sessions, AuthCookies cookies)
{
    /// <summary>204; the middleware answers 401 without a valid access token.</summary>
    [Function("LogoutAll")]
    [RequireAuthentication]
    public async Task<HttpResponseData> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HttpNames.Routes.LogoutAll)] HttpRequestData request,
        FunctionContext context)
    {
        var user = context.GetRequiredAuthenticatedUser();
        await sessions.LogoutAllAsync(user.UserId, context.CancellationToken);
        var response = request.CreateResponse(HttpStatusCode.NoContent);
        cookies.ExpireSessionCookies(response);
        return response.NoStore();
    }
}
