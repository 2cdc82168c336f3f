using System.Text.Json.Nodes;
using FuncAuth.Auth;
using FuncAuth.Http;
using Microsoft.OpenApi;
using static FuncAuth.OpenApi.OpenApiParts;

namespace FuncAuth.OpenApi;

/// <summary>
/// What several operations share: the Problem schema, the security schemes (cookie names from <c>Auth__Cookies__*</c>),
/// the <c>useCookies</c> parameter, the response headers and the error answers every route can give the same way.
/// </summary>
internal static class SharedComponents
{
    public const string AccessCookieScheme = "accessCookie";
    public const string BearerScheme = "bearer";
    public const string RefreshCookieScheme = "refreshCookie";
    public const string UseCookiesParameter = "useCookies";

    public const string RetryAfterHeader = "RetryAfter";
    public const string SessionCookiesHeader = "SessionCookies";
    public const string ExpiredCookiesHeader = "ExpiredCookies";
    public const string ChallengeHeader = "BearerChallenge";
    public const string NoStoreHeader = "NoStore";
    public const string PublicCacheHeader = "PublicCache";

    public const string CrossSiteResponse = "CrossSiteForbidden";
    public const string ContentTooLargeResponse = "ContentTooLarge";
    public const string UnsupportedMediaTypeResponse = "UnsupportedMediaType";
    public const string UnauthenticatedResponse = "Unauthenticated";
    public const string StorageUnavailableResponse = "StorageUnavailable";
    public const string InternalErrorResponse = "InternalServerError";

    /// <summary>The header each header component describes.</summary>
    public static readonly IReadOnlyDictionary<string, string> HeaderNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [RetryAfterHeader] = HttpNames.Headers.RetryAfter,
        [SessionCookiesHeader] = HttpNames.Headers.SetCookie,
        [ExpiredCookiesHeader] = HttpNames.Headers.SetCookie,
        [ChallengeHeader] = HttpNames.Headers.WwwAuthenticate,
        [NoStoreHeader] = HttpNames.Headers.CacheControl,
        [PublicCacheHeader] = HttpNames.Headers.CacheControl,
    };

    public static void Add(OpenApiDocument document, AuthCookieOptions cookies)
    {
        document.AddComponent<IOpenApiSchema>(nameof(Problem), ProblemSchema());
        AddSecuritySchemes(document, cookies);
        document.AddComponent<IOpenApiParameter>(UseCookiesParameter, new OpenApiParameter
        {
            Name = UseCookiesParameter,
            In = ParameterLocation.Query,
            Description = "true (the default): cookie mode, for browsers; tokens travel only in HttpOnly cookies. "
                + "false: token mode, for other clients; login and refresh-tokens answer with the tokens in the body and set no cookie, "
                + "refresh-tokens and logout read {refreshToken} from the body. Anything else is a 400.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.Boolean, Default = JsonValue.Create(true) },
        });
        AddHeaders(document, cookies);
        AddResponses(document);
    }

    private static OpenApiSchema ProblemSchema() => Object(
        "An RFC 9457 problem: every error answer. Never a stack trace, exception text or secret.",
        ["type", "title", "status", "detail"],
        ("type", String("A URI naming the problem type: the RFC section of the status.", "uri")),
        ("title", String("Short, fixed summary of the status (e.g. \"Bad Request\").")),
        ("status", Integer("The HTTP status code.", "int32")),
        ("detail", String("What went wrong with this request, for people.")),
        ("errors", new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "Field validation messages keyed by JSON property name (register's 400).",
            AdditionalProperties = ArrayOf("Messages for this field.", String("A message.")),
        }),
        ("retryAfter", Integer(
            "Seconds to wait (429, 503), as in the Retry-After header, which a SPA on another origin cannot read.", "int64")));

    private static void AddSecuritySchemes(OpenApiDocument document, AuthCookieOptions cookies)
    {
        document.AddComponent<IOpenApiSecurityScheme>(AccessCookieScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = cookies.AccessName,
            Description = $"The access token (a JWT) in the HttpOnly cookie that login and refresh-tokens set (Path={cookies.AccessPath}). "
                + "A cookie name sent twice counts as absent.",
        });
        document.AddComponent<IOpenApiSecurityScheme>(BearerScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "The access token of a token-mode login (useCookies=false) in Authorization: Bearer; it wins over the cookie.",
        });
        document.AddComponent<IOpenApiSecurityScheme>(RefreshCookieScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = cookies.RefreshName,
            Description = $"The opaque refresh token in the HttpOnly cookie scoped to Path={cookies.RefreshPath}: sent only to refresh-tokens and logout.",
        });
    }

    private static void AddHeaders(OpenApiDocument document, AuthCookieOptions cookies)
    {
        var both = $"{cookies.AccessName} (Path={cookies.AccessPath}) and {cookies.RefreshName} (Path={cookies.RefreshPath})";
        AddHeader(document, RetryAfterHeader, "Whole seconds to wait before trying again.", new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" }, required: true);
        AddHeader(document, SessionCookiesHeader, $"Cookie mode only: two Set-Cookie headers, {both}; HttpOnly, Secure, SameSite as configured, Max-Age the token lifetimes.");
        AddHeader(document, ExpiredCookiesHeader, $"Always: two Set-Cookie headers expiring {both} with the attributes they were set with.", required: true);
        AddHeader(document, ChallengeHeader, "Bearer, or Bearer error=\"invalid_token\" when a token was presented (RFC 6750).", required: true);
        AddHeader(document, NoStoreHeader, "no-store: the answer carries credentials or personal data.", required: true);
        AddHeader(document, PublicCacheHeader, "public, max-age=300 (no-store when the request carries a valid access token).", required: true);
    }

    private static void AddHeader(OpenApiDocument document, string id, string description, OpenApiSchema? schema = null, bool required = false) =>
        document.AddComponent<IOpenApiHeader>(id, new OpenApiHeader
        {
            Description = description,
            Required = required,
            Schema = schema ?? new OpenApiSchema { Type = JsonSchemaType.String },
        });

    private static void AddResponses(OpenApiDocument document)
    {
        document.AddComponent<IOpenApiResponse>(CrossSiteResponse, Problem(document,
            "The request's Origin (or, without one, Referer) is neither one of the API's own origins (Auth__PublicOrigins) nor in "
            + "Auth__AllowedOrigins; nothing was changed. Requests with neither header pass."));
        document.AddComponent<IOpenApiResponse>(ContentTooLargeResponse, Problem(document, $"The body is over {JsonBodyReader.MaxBodyBytes} bytes."));
        document.AddComponent<IOpenApiResponse>(UnsupportedMediaTypeResponse, Problem(document,
            "The body is not JSON: send Content-Type: application/json (UTF-8)."));
        document.AddComponent<IOpenApiResponse>(UnauthenticatedResponse, Problem(document,
            "No access token (cookie or Bearer), or an invalid or expired one.", ChallengeHeader));
        document.AddComponent<IOpenApiResponse>(StorageUnavailableResponse, Problem(document,
            "Storage is unavailable; retry after Retry-After seconds.", RetryAfterHeader));
        document.AddComponent<IOpenApiResponse>(InternalErrorResponse, Problem(document, "An unexpected error; the body says nothing about it."));
    }
}
