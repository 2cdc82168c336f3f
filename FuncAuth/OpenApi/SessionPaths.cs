using FuncAuth.Http;
using FuncAuth.Sessions;
using Microsoft.OpenApi;
using static FuncAuth.OpenApi.OpenApiParts;
using static FuncAuth.OpenApi.SharedComponents;

namespace FuncAuth.OpenApi;

/// <summary>The session routes: login, refresh-tokens, logout, logout-all (<c>Sessions/</c>).</summary>
internal static class SessionPaths
{
    public const string Tag = "sessions";

    public static void Add(OpenApiDocument document)
    {
        AddOperation(document, "/" + HttpNames.Routes.Login, HttpMethod.Post, new OpenApiOperation
        {
            OperationId = "Login",
            Summary = "Sign in and start a session",
            Description = "Counts the attempt, checks the password and starts a session. An unknown email and a wrong password get "
                + "the same 401 after the same hashing work. After Auth__Lockout__MaxFailedAttempts failures the account is locked (429).",
            Tags = Tags(document),
            Parameters = [new OpenApiParameterReference(UseCookiesParameter, document)],
            RequestBody = JsonBody(document, nameof(LoginRequest), "The credentials.", required: true),
            Responses = Responses(
                (200, Issued(document, "Signed in.")),
                (400, Problem(document, "useCookies is neither true nor false; the body is empty, malformed, of the wrong types or has a property twice; or the email or password is missing.")),
                (401, Problem(document, "The email or password is incorrect (one answer for both).", ChallengeHeader)),
                (413, Shared(document, ContentTooLargeResponse)),
                (415, Shared(document, UnsupportedMediaTypeResponse)),
                (429, Problem(document, "The account is locked, or this attempt could not be counted (a burst on the same account); retry after Retry-After seconds.", RetryAfterHeader)),
                (503, Busy(document))),
        });

        AddOperation(document, "/" + HttpNames.Routes.RefreshTokens, HttpMethod.Post, new OpenApiOperation
        {
            OperationId = "RefreshTokens",
            Summary = "Rotate the refresh token and get a new access token",
            Description = "Cookie mode: the refresh cookie, no body. Token mode: a JSON body {refreshToken} (which selects token mode by "
                + "itself) or useCookies=false, and no refresh cookie. Within Auth__RefreshReuseGrace of a rotation the just-replaced "
                + "token gets the same successor (retries, racing tabs); any older token revokes the session. Cookies are left alone on failure.",
            Tags = Tags(document),
            Parameters = [new OpenApiParameterReference(UseCookiesParameter, document)],
            Security = AnyOf(document, orAnonymous: true, RefreshCookieScheme),
            RequestBody = JsonBody(document, nameof(RefreshRequest), "Token mode only; required with useCookies=false.", required: false),
            Responses = Responses(
                (200, Issued(document, "Rotated, in the mode the request chose.")),
                (400, Problem(document, "useCookies is neither true nor false; the token is in both the cookie and the body; the body is malformed; or useCookies=false without a body.")),
                (401, Problem(document, "The refresh token is missing, forged, unknown, expired, revoked or replayed (a replay revokes the session).", ChallengeHeader)),
                (413, Shared(document, ContentTooLargeResponse)),
                (415, Shared(document, UnsupportedMediaTypeResponse)),
                (503, Shared(document, StorageUnavailableResponse))),
        });

        AddOperation(document, "/" + HttpNames.Routes.Logout, HttpMethod.Post, new OpenApiOperation
        {
            OperationId = "Logout",
            Summary = "End the current session",
            Description = "Ends the session of a genuine refresh token (cookie, or token-mode body) or else of the access token's sid, "
                + "and expires both cookies. A forged token changes nothing; the answer is 204 either way, also when already logged out.",
            Tags = Tags(document),
            Parameters = [new OpenApiParameterReference(UseCookiesParameter, document)],
            Security = AnyOf(document, orAnonymous: true, RefreshCookieScheme, AccessCookieScheme, BearerScheme),
            RequestBody = JsonBody(document, nameof(RefreshRequest), "Token mode only: the refresh token of the session to end.", required: false),
            Responses = Responses(
                (204, Empty(document, "Logged out (or already was); both cookies expired.", ExpiredCookiesHeader, NoStoreHeader)),
                (400, Problem(document, "useCookies is neither true nor false; the token is in both the cookie and the body; or the body is malformed.")),
                (413, Shared(document, ContentTooLargeResponse)),
                (415, Shared(document, UnsupportedMediaTypeResponse)),
                (503, Shared(document, StorageUnavailableResponse))),
        });

        AddOperation(document, "/" + HttpNames.Routes.LogoutAll, HttpMethod.Post, new OpenApiOperation
        {
            OperationId = "LogoutAll",
            Summary = "End every session of the caller",
            Description = "Revokes every session of the user (all devices) and expires this client's cookies. Access tokens already "
                + "issued stay valid until they expire.",
            Tags = Tags(document),
            Security = AnyOf(document, orAnonymous: false, AccessCookieScheme, BearerScheme),
            Responses = Responses(
                (204, Empty(document, "Every session ended; both cookies expired.", ExpiredCookiesHeader, NoStoreHeader)),
                (401, Shared(document, UnauthenticatedResponse)),
                (503, Shared(document, StorageUnavailableResponse))),
        });
    }

    private static HashSet<OpenApiTagReference> Tags(OpenApiDocument document) => [new OpenApiTagReference(Tag, document)];

    /// <summary>The 200 of login and refresh: cookies and a token-free body, or the tokens in the body.</summary>
    private static OpenApiResponse Issued(OpenApiDocument document, string description) => JsonResponse(
        document,
        $"{description} SessionResponse and both cookies by default; TokenResponse and no cookie in token mode (useCookies=false; on refresh-tokens also a refreshToken body).",
        new OpenApiSchema { OneOf = [Schema(document, nameof(SessionResponse)), Schema(document, nameof(TokenResponse))] },
        SessionCookiesHeader,
        NoStoreHeader);

    /// <summary>Login's 503: the hashing gate is full, or storage is unavailable.</summary>
    internal static OpenApiResponse Busy(OpenApiDocument document) => Problem(
        document,
        "This instance is hashing passwords at capacity (Auth__Passwords__MaxConcurrentHashes, HashQueueLength), or storage is unavailable; retry after Retry-After seconds.",
        RetryAfterHeader);
}
