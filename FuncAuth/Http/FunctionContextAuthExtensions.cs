using FuncAuth.Auth;
using Microsoft.Azure.Functions.Worker;

namespace FuncAuth.Http;

/// <summary>Where the middleware leaves the caller's identity for the function.</summary>
public static class FunctionContextAuthExtensions
{
    private static readonly object UserKey = new();

    /// <summary>The caller proven by a valid access token, or null.</summary>
    public static AuthenticatedUser? GetAuthenticatedUser(this FunctionContext context) =>
        context.Items.TryGetValue(UserKey, out var value) ? value as AuthenticatedUser : null;

    /// <summary>Records the caller; only <see cref="AuthenticationMiddleware"/> calls this.</summary>
    internal static void SetAuthenticatedUser(this FunctionContext context, AuthenticatedUser user) =>
        context.Items[UserKey] = user;

    /// <summary>The caller of a <see cref="RequireAuthenticationAttribute"/> function, which the middleware guarantees.</summary>
    public static AuthenticatedUser GetRequiredAuthenticatedUser(this FunctionContext context) =>
        context.GetAuthenticatedUser()
        ?? throw new InvalidOperationException("The function is not marked [RequireAuthentication] or ran without the middleware.");
}
