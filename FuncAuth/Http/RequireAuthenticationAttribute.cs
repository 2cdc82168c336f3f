namespace FuncAuth.Http;

/// <summary>
/// Marks a function as protected: <see cref="AuthenticationMiddleware"/> answers 401 without running it unless
/// the caller presents a valid access token.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class RequireAuthenticationAttribute : Attribute;
