using System.Net;
using FuncAuth.Http;
using Microsoft.Azure.Functions.Worker.Http;

namespace FuncAuth.Sessions;

/// <summary>
/// Where <c>refresh-tokens</c> and <c>logout</c> find the refresh token, and in which mode to answer: the refresh cookie
/// (cookie mode), or a JSON body <c>{"refreshToken": …}</c> (token mode) — selected by the body itself, as ASP.NET Core
/// Identity's <c>/refresh</c> does, or by <c>?useCookies=false</c>. Sending both is ambiguous and answered 400.
/// </summary>
public sealed record PresentedRefreshToken(string? Token, ResponseMode Mode)
{
    /// <summary>The detail of the 400 when a request carries the token twice.</summary>
    public const string BothDetail =
        "Send the refresh token either in the refresh cookie (browsers) or in the JSON body with useCookies=false (other clients), not both.";

    /// <summary>
    /// Reads the token. <paramref name="bodyRequired"/>: with <c>?useCookies=false</c>, a missing body is a 400 (refresh)
    /// rather than no token (logout). Returns the problem to answer instead when the request is malformed or ambiguous.
    /// </summary>
    public static async Task<(PresentedRefreshToken? Presented, HttpResponseData? Problem)> ReadAsync(
        HttpRequestData request, AuthCookies cookies, bool bodyRequired, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(cookies);
        if (!ResponseModes.TryRead(request, out var mode, out var invalidMode))
        {
            return (null, invalidMode);
        }

        var explicitTokens = mode == ResponseMode.Tokens;
        var cookie = cookies.ReadRefreshToken(request);
        string? bodyToken = null;
        if (HasBody(request) || (explicitTokens && bodyRequired))
        {
            var body = await JsonBodyReader.ReadAsync(request, SessionsJsonContext.Default.RefreshRequest, cancellationToken);
            if (!body.IsSuccess)
            {
                return (null, ProblemResponses.Create(request, body.ErrorStatus, body.ErrorDetail));
            }

            bodyToken = string.IsNullOrWhiteSpace(body.Value.RefreshToken) ? null : body.Value.RefreshToken;
        }

        if (bodyToken is not null && cookie is not null)
        {
            return (null, ProblemResponses.Create(request, HttpStatusCode.BadRequest, BothDetail));
        }

        return bodyToken is not null || explicitTokens
            ? (new PresentedRefreshToken(bodyToken, ResponseMode.Tokens), null)
            : (new PresentedRefreshToken(cookie, ResponseMode.Cookies), null);
    }

    // A declared, non-empty body only: a Content-Type header on an empty POST (common in browser code) is not a body.
    // Stryker disable once Linq : TryGetValues answers true only with at least one value, so First and FirstOrDefault agree
    private static bool HasBody(HttpRequestData request) =>
        request.Headers.TryGetValues("Content-Length", out var lengths) && long.TryParse(lengths.FirstOrDefault(), out var length) && length > 0;
}
