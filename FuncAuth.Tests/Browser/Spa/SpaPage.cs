using System.Globalization;
using Microsoft.Playwright;

namespace FuncAuth.Tests.Browser.Spa;

/// <summary>One tab showing the sample SPA, driven through its own forms and buttons.</summary>
public sealed class SpaPage(IPage page)
{
    public const string Password = "violet-harbour-lantern-42";

    public IPage Page { get; } = page;

    /// <summary>
    /// Opens the SPA in a new tab. With <paramref name="frozenClock"/> the tab's clock stands still (Playwright's
    /// fake timers, installed before the page's scripts run): the client's proactive refresh timer never fires and
    /// <c>Date.now()</c> never reaches the expiry, so an expired access token is only found out from a 401.
    /// </summary>
    public static async Task<SpaPage> OpenAsync(IBrowserContext context, SpaFixture app, bool frozenClock = false)
    {
        var page = await context.NewPageAsync();
        if (frozenClock)
        {
            await page.Clock.InstallAsync();
        }

        await page.GotoAsync(app.Spa.Origin.ToString());
        if (frozenClock)
        {
            await page.Clock.PauseAtAsync(DateTime.UtcNow.AddMilliseconds(500).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        }

        var spa = new SpaPage(page);
        await spa.WaitForStatusAsync("Signed ");
        return spa;
    }

    public static string UniqueEmail() => $"spa-{Guid.NewGuid():N}@example.com";

    public ILocator Status => Page.Locator("#status");

    public ILocator ExpiredBanner => Page.Locator("#expired");

    public ILocator Message => Page.Locator("#message");

    public ILocator Movies => Page.Locator("#movies li");

    public async Task SignUpAsync(string email, string password = Password, string? displayName = null)
    {
        await Page.FillAsync("#signup-email", email);
        await Page.FillAsync("#signup-password", password);
        await Page.FillAsync("#signup-name", displayName ?? string.Empty);
        await Page.ClickAsync("#signup");
    }

    public async Task SignInAsync(string email, string password = Password)
    {
        await Page.FillAsync("#signin-email", email);
        await Page.FillAsync("#signin-password", password);
        await Page.ClickAsync("#signin");
    }

    /// <summary>Signs up and in through the forms; returns when the page says who is signed in.</summary>
    public async Task SignUpAndInAsync(string email, string displayName)
    {
        await SignUpAsync(email, displayName: displayName);
        await Assertions.Expect(Message).ToContainTextAsync($"Account created for {email}");
        await SignInAsync(email);
        await WaitForStatusAsync($"Signed in as {displayName}");
    }

    /// <summary>Clicks "Load favourite movies" and returns the titles the page then shows.</summary>
    public async Task<IReadOnlyList<string>> LoadMoviesAsync()
    {
        await Page.EvaluateAsync("() => document.getElementById('movies').replaceChildren()");
        await Page.ClickAsync("#load-movies");
        await Movies.First.WaitForAsync();
        return await Movies.AllTextContentsAsync();
    }

    public Task WaitForStatusAsync(string text) => Assertions.Expect(Status).ToContainTextAsync(text);
}
