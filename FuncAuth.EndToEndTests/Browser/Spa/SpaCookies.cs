using Microsoft.Playwright;

namespace FuncAuth.EndToEndTests.Browser.Spa;

/// <summary>The session cookies the browser holds for the API (default names of the contract).</summary>
public static class SpaCookies
{
    public const string Access = "auth-cookie";
    public const string Refresh = "refresh-cookie";

    /// <summary>By domain, not by URL: a URL filter would also apply the cookie's path (/api, /api/auth).</summary>
    public static async Task<BrowserContextCookiesResult?> FindAsync(IBrowserContext context, Uri api, string name) =>
        (await context.CookiesAsync())
            .SingleOrDefault(c => c.Name == name && string.Equals(c.Domain, api.Host, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Waits until the browser has dropped the access cookie (its Max-Age is the token's lifetime), i.e. until the
    /// access token has expired; polls, so it waits no longer than the expiry itself (plus a 10 s safety limit).
    /// </summary>
    public static async Task WaitUntilAccessTokenExpiredAsync(IBrowserContext context, Uri api)
    {
        var deadline = DateTime.UtcNow + SpaFixture.AccessTokenLifetime + TimeSpan.FromSeconds(10);
        while (await FindAsync(context, api, Access) is not null)
        {
            Assert.True(DateTime.UtcNow < deadline, "the access cookie outlived its Max-Age");
            await Task.Delay(100);
        }
    }
}
