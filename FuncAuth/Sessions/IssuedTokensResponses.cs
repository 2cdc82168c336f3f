using System.Net;
using FuncAuth.Http;
using FuncAuth.Tokens;
using Microsoft.Azure.Functions.Worker.Http;

namespace FuncAuth.Sessions;

/// <summary>Answers a successful login or refresh in the caller's <see cref="ResponseMode"/>.</summary>
public sealed class IssuedTokensResponses(AuthCookies cookies, TimeProvider timeProvider)
{
    /// <summary>200 with cookies and a token-free body, or 200 with the tokens in the body; never cached.</summary>
    public HttpResponseData Create(HttpRequestData request, IssuedTokens tokens, ResponseMode mode)
    {
        HttpResponseData response;
        if (mode == ResponseMode.Tokens)
        {
            response = JsonResponses.Create(
                request, HttpStatusCode.OK, TokenResponse.From(tokens, timeProvider.GetUtcNow()), SessionsJsonContext.Default.TokenResponse);
        }
        else
        {
            response = JsonResponses.Create(
                request, HttpStatusCode.OK, SessionResponse.From(tokens), SessionsJsonContext.Default.SessionResponse);
            cookies.AppendSessionCookies(response, tokens);
        }

        return response.NoStore();
    }
}
