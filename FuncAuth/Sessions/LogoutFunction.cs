using System.Net;
using FuncAuth.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace FuncAuth.Sessions;

/// <summary><c>POST /api/auth/logout</c>: ends the current session and expires both cookies.</summary>
public sealed class LogoutFunction(SessionService sessions, AuthCookies cookies)
{
    /// <summary>
    /// 204, also when already logged out. The session comes from the refresh cookie, a token-mode body
    /// <c>{refreshToken}</c>, or else the <c>sid</c> of a valid access token.
    /// </summary>
    [Function("Logout")]
    public async Task<HttpResponseData> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/logout")] HttpRequestData request,
        FunctionContext context)
    {
        var refreshToken = cookies.ReadRefreshToken(request);
        if (refreshToken is null && ResponseModes.From(request) == ResponseMode.Tokens && HasBody(request))
        {
            var body = await JsonBodyReader.ReadAsync(request, FuncAuthJsonContext.Default.RefreshRequest, context.CancellationToken);
            if (!body.IsSuccess)
            {
                return ProblemResponses.Create(request, body.ErrorStatus, body.ErrorDetail!);
            }

            refreshToken = body.Value!.RefreshToken;
        }

        await sessions.LogoutAsync(refreshToken, context.GetAuthenticatedUser(), context.CancellationToken);
        var response = request.CreateResponse(HttpStatusCode.NoContent);
        cookies.ExpireSessionCookies(response);
        return response.NoStore();
    }

    private static bool HasBody(HttpRequestData request) =>
        request.Headers.Contains("Content-Type")
        || (request.Headers.TryGetValues("Content-Length", out var lengths) && lengths.FirstOrDefault() is not (null or "0"));
}
