namespace FuncAuth.Http;

/// <summary>The header names, header values and routes the functions and the OpenAPI document share.</summary>
public static class HttpNames
{
    /// <summary>Header names.</summary>
    public static class Headers
    {
        public const string Authorization = "Authorization";
        public const string CacheControl = "Cache-Control";
        public const string ContentType = "Content-Type";
        public const string Origin = "Origin";
        public const string Referer = "Referer";
        public const string RetryAfter = "Retry-After";
        public const string SetCookie = "Set-Cookie";
        public const string WwwAuthenticate = "WWW-Authenticate";
    }

    /// <summary>Header values.</summary>
    public static class Values
    {
        /// <summary>Responses that carry tokens or user data are never stored by caches.</summary>
        public const string NoStore = "no-store";

        /// <summary>The content type of JSON bodies.</summary>
        public const string Json = "application/json; charset=utf-8";
    }

    /// <summary>Function routes, relative to the <c>/api</c> prefix.</summary>
    public static class Routes
    {
        public const string Register = "auth/register";
        public const string Login = "auth/login";
        public const string RefreshTokens = "auth/refresh-tokens";
        public const string Logout = "auth/logout";
        public const string LogoutAll = "auth/logout-all";
        public const string Me = "users/me";
        public const string FavMovies = "users/fav-movies";
        public const string Health = "health";
    }
}
