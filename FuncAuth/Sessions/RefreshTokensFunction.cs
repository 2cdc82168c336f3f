using System.Net;
using FuncAuth.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace FuncAuth.Sessions;

/// <summary><c>POST /api/auth/refresh-tokens</c>: rotates the session's refresh token and issues a new access token.</summary>
public sealed class RefreshTokensFunction(SessionService sessions, AuthCookies cookies, IssuedTokensResponses responses)
{
    /// <summary>200 like login; 401 when the refresh token is missing, unknown, expired, revoked or replayed.</summary>
    [Function("RefreshTokens")]
    public async Task<HttpResponseData> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/refresh-tokens")] HttpRequestData request,
        FunctionContext context)
    {
        if (!ResponseModes.TryRead(request, out var mode, out var invalidMode))
        {
            return invalidMode;
        }

        string? refreshToken;
        if (mode == ResponseMode.Tokens)
        {
            var body = await JsonBodyReader.ReadAsync(request, FuncAuthJsonContext.Default.RefreshRequest, context.CancellationToken);
            if (!body.IsSuccess)
            {
                return ProblemResponses.Create(request, body.ErrorStatus, body.ErrorDetail!);
            }

            refreshToken = body.Value!.RefreshToken;
        }
        else
        {
            refreshToken = cookies.ReadRefreshToken(request);
        }

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
