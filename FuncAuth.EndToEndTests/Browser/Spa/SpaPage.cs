using System.Globalization;
using Microsoft.Playwright;

namespace FuncAuth.EndToEndTests.Browser.Spa;

/// <summary>One tab showing the sample SPA, driven through its own forms and buttons.</summary>
public sealed class SpaPage(IPage page)
{
    public const string Password = "violet-harbour-lantern-42";

    public IPage Page { get; } = page;

    /// <summary>Opens the SPA in a new tab and waits until it knows whether someone is signed in.</summary>
    public static async Task<SpaPage> OpenAsync(IBrowserContext context, SpaFixture app)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.Spa.Origin.ToString());
        var spa = new SpaPage(page);
        await spa.WaitForStatusAsync("Signed ");
        return spa;
    }

    /// <summary>
    /// Stops the clock of every tab of <paramref name="context"/> (Playwright's fake timers; the clock belongs to the
    /// context, so call this once, before opening the tabs): the client's proactive refresh timer never fires and
    /// <c>Date.now()</c> never reaches the expiry, so an expired access token is only found out from a 401.
    /// </summary>
    public static async Task FreezeClockAsync(IBrowserContext context)
    {
        await context.Clock.InstallAsync();
        await context.Clock.PauseAtAsync(DateTime.UtcNow.AddMilliseconds(500).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
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
