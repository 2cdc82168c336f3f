using System.Net;
using FuncAuth.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace FuncAuth.Users;

/// <summary><c>GET /api/users/me</c>: who the access token says the caller is (no storage round trip).</summary>
public sealed class MeFunction
{
    /// <summary>200 with the caller; the middleware answers 401 for anonymous callers.</summary>
    [Function("Me")]
    [RequireAuthentication]
    public HttpResponseData Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "users/me")] HttpRequestData request,
        FunctionContext context)
    {
        var user = context.GetRequiredAuthenticatedUser();
        return JsonResponses.Create(
            request, HttpStatusCode.OK, new UserResponse(user.UserId, user.Email, user.DisplayName), FuncAuthJsonContext.Default.UserResponse);
    }
}
