using FuncAuth.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace FuncAuth.Sessions;

/// <summary><c>POST /api/auth/refresh-tokens</c>: rotates the session's refresh token and issues a new access token.</summary>
public sealed class RefreshTokensFunction(SessionService sessions, AuthCookies cookies, IssuedTokensResponses responses)
{
    /// <summary>
    /// 200 like login, in the mode the request chose (see <see cref="PresentedRefreshToken"/>); 401 when the refresh token
    /// is missing, forged, unknown, expired, revoked or replayed; 400 when it is sent both as cookie and in the body.
    /// </summary>
    [Function("RefreshTokens")]
    public async Task<HttpResponseData> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HttpNames.Routes.RefreshTokens)] HttpRequestData request,
        FunctionContext context)
    {
        var (presented, problem) = await PresentedRefreshToken.ReadAsync(request, cookies, bodyRequired: true, context.CancellationToken);
        if (presented is null)
        {
            return problem!;
        }

        var (refreshToken, mode) = presented;
        if (string.IsNullOrWhiteSpace(refreshToken))
        {
            return ProblemResponses.Unauthorized(request, "No refresh token was presented.");
        }

        // Cookies are deliberately left alone on failure: a losing tab in a refresh race must not wipe the
        // cookies the winning tab has just received.
        var result = await sessions.RefreshAsync(refreshToken, context.CancellationToken);
        return result is RefreshResult.Success success
            ? responses.Create(request, success.Tokens, mode)
            : ProblemResponses.Unauthorized(request, "The refresh token is invalid, expired or revoked; sign in again.");
    }
}
