using FuncAuth.Tokens;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace FuncAuth.Http;

/// <summary>
/// The one place that reads credentials: the access cookie, or an <c>Authorization: Bearer</c> header.
/// A valid token puts an <see cref="Auth.AuthenticatedUser"/> on the context for any function; a function marked
/// <see cref="RequireAuthenticationAttribute"/> gets a 401 problem without running when there is none. Every answer
/// of a protected function, or to a caller with a valid token, is marked <c>Cache-Control: no-store</c>.
/// </summary>
public sealed class AuthenticationMiddleware(
    AccessTokenService tokens,
    AuthCookies cookies,
    ProtectedFunctions protectedFunctions,
    ILogger<AuthenticationMiddleware> logger) : IFunctionsWorkerMiddleware
{
    private const string BearerPrefix = "Bearer ";

    /// <inheritdoc />
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var request = await context.GetHttpRequestDataAsync();
        if (request is null)
        {
            await next(context);
            return;
        }

        var presented = ReadToken(request);
        // Stryker disable once Conditional : Validate(null) is null too; the test only saves the call
        var user = presented is null ? null : tokens.Validate(presented);
        if (user is not null)
        {
            context.SetAuthenticatedUser(user);
        }
        else if (presented is not null)
        {
            logger.InvalidAccessToken(context.FunctionDefinition.Name);
        }

        var isProtected = protectedFunctions.IsProtected(context.FunctionDefinition);
        if (user is null && isProtected)
        {
            var detail = presented is null
                ? "Sign in first: no access token was presented."
                : "The access token is invalid or has expired.";
            context.GetInvocationResult().Value = ProblemResponses.Unauthorized(request, detail, invalidToken: presented is not null);
            return;
        }

        await next(context);

        // Answers to an authenticated caller are personal: set here once so no protected function can forget it,
        // and a shared cache (CDN, corporate proxy) never stores one.
        if ((isProtected || user is not null) && context.GetHttpResponseData() is { } response)
        {
            response.NoStore();
        }
    }

    private string? ReadToken(HttpRequestData request)
    {
        if (request.Headers.TryGetValues(HttpNames.Headers.Authorization, out var values))
        {
            // An explicit header wins over the cookie; a malformed one authenticates nobody.
            // Stryker disable once Linq,String : TryGetValues answers true only with at least one (non-null) value
            var header = values.FirstOrDefault() ?? string.Empty;
            // Stryker disable once Logical,Arithmetic,Equality,String : whatever this passes on for a malformed header (empty, oversized, a foreign scheme's text) Validate refuses alike, and it counts as presented either way
            return header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
                && header.Length - BearerPrefix.Length is > 0 and <= AuthCookies.MaxCookieValueLength
                ? header[BearerPrefix.Length..].Trim()
                : string.Empty;
        }

        return cookies.ReadAccessToken(request);
    }
}
