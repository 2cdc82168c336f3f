using FuncAuth.Http;
using FuncAuth.Users;
using Microsoft.OpenApi;
using static FuncAuth.OpenApi.OpenApiParts;
using static FuncAuth.OpenApi.SharedComponents;

namespace FuncAuth.OpenApi;

/// <summary>The user routes: register, me, fav-movies (<c>Users/</c>).</summary>
internal static class AccountPaths
{
    public const string Tag = "users";

    public static void Add(OpenApiDocument document)
    {
        AddOperation(document, "/" + HttpNames.Routes.Register, HttpMethod.Post, new OpenApiOperation
        {
            OperationId = "Register",
            Summary = "Create an account",
            Description = "Creates a user. The email is trimmed, NFC-normalized and compared case-insensitively. Does not sign in.",
            Tags = Tags(document),
            RequestBody = JsonBody(document, nameof(RegisterRequest), "The new account.", required: true),
            Responses = Responses(
                (201, JsonResponse(document, "Created.", Schema(document, nameof(UserResponse)))),
                (400, Problem(document, "The body is empty, malformed, of the wrong types or has a property twice; or a field is invalid: "
                    + "errors (keyed email, password, displayName) says why (missing, not an address, too short or long, a common password, invisible characters).")),
                (409, Problem(document, "An account with this email already exists.")),
                (413, Shared(document, ContentTooLargeResponse)),
                (415, Shared(document, UnsupportedMediaTypeResponse)),
                (503, SessionPaths.Busy(document))),
        });

        AddOperation(document, "/" + HttpNames.Routes.Me, HttpMethod.Get, new OpenApiOperation
        {
            OperationId = "Me",
            Summary = "Who the caller is",
            Description = "Reads the caller's session (the access token carries no personal data): 401 once the session has ended, "
                + "even while the access token has not expired.",
            Tags = Tags(document),
            Security = AnyOf(document, orAnonymous: false, AccessCookieScheme, BearerScheme),
            Responses = Responses(
                (200, JsonResponse(document, "The caller.", Schema(document, nameof(UserResponse)), NoStoreHeader)),
                (401, Problem(document, "No valid access token, or its session has ended (logout, revocation).", ChallengeHeader)),
                (503, Shared(document, StorageUnavailableResponse))),
        });

        AddOperation(document, "/" + HttpNames.Routes.FavMovies, HttpMethod.Get, new OpenApiOperation
        {
            OperationId = "FavMovies",
            Summary = "A protected resource",
            Description = "Stateless: the access token alone decides (no storage call).",
            Tags = Tags(document),
            Security = AnyOf(document, orAnonymous: false, AccessCookieScheme, BearerScheme),
            Responses = Responses(
                (200, JsonResponse(document, "The caller's favourite movies.", ArrayOf("Movie titles.", String("A title.")), NoStoreHeader)),
                (401, Shared(document, UnauthenticatedResponse))),
        });
    }

    private static HashSet<OpenApiTagReference> Tags(OpenApiDocument document) => [new OpenApiTagReference(Tag, document)];
}
