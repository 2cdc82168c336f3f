using System.Net;
using FuncAuth.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace FuncAuth.Users;

/// <summary><c>GET /api/users/fav-movies</c>: the tutorial's protected resource.</summary>
public sealed class FavMoviesFunction
{
    private static readonly string[] Movies = ["Avatar", "Avengers"];

    /// <summary>200 with the list; the middleware answers 401 for anonymous callers.</summary>
    [Function("FavMovies")]
    [RequireAuthentication]
    public static HttpResponseData Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HttpNames.Routes.FavMovies)] HttpRequestData request) =>
        JsonResponses.Create(request, HttpStatusCode.OK, Movies, UsersJsonContext.Default.StringArray);
}
