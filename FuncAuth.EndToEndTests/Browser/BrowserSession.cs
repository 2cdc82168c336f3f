using Microsoft.Playwright;

namespace FuncAuth.EndToEndTests.Browser;

/// <summary>Shared steps and cookie look-ups for the browser tests (default cookie names of the contract).</summary>
public static class BrowserSession
{
    public const string AccessCookie = "auth-cookie";
    public const string RefreshCookie = "refresh-cookie";
    public const string Password = "correct horse battery";

    public static string UniqueEmail() => $"browser-{Guid.NewGuid():N}@example.com";

    /// <summary>Registers and logs in with <c>fetch</c> from the API's origin; returns the login response.</summary>
    public static async Task<FetchResult> RegisterAndLogInAsync(ApiOriginPage page, string email)
    {
        var registered = await page.FetchAsync("POST", "/api/auth/register", new { email, password = Password });
        Assert.Equal(201, registered.Status);
        var loggedIn = await page.FetchAsync("POST", "/api/auth/login", new { email, password = Password });
        Assert.Equal(200, loggedIn.Status);
        return loggedIn;
    }

    /// <summary>The cookies the browser holds for the API's host, by name.</summary>
    public static async Task<Dictionary<string, BrowserContextCookiesResult>> CookiesForAsync(IBrowserContext context, Uri api) =>
        (await context.CookiesAsync())
            .Where(c => string.Equals(c.Domain, api.Host, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(c => c.Name, StringComparer.Ordinal);

    /// <summary>The value of the browser's refresh cookie for the API's host.</summary>
    public static async Task<string> RefreshCookieValueAsync(IBrowserContext context, Uri api)
    {
        var cookies = await CookiesForAsync(context, api);
        Assert.True(cookies.TryGetValue(RefreshCookie, out var refresh), "the browser holds no refresh cookie");
        return refresh.Value;
    }
}
