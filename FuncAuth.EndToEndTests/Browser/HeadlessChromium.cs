using Microsoft.Playwright;

namespace FuncAuth.EndToEndTests.Browser;

/// <summary>
/// One headless Chromium per test class (an <c>IClassFixture</c>), driven by Microsoft.Playwright. The browser is
/// the Debian package at <see cref="ExecutablePath"/>, never a Playwright download: Playwright's own node driver
/// ships inside its NuGet package, so nothing is fetched at run time. Each test opens a fresh
/// <see cref="IBrowserContext"/> (its own cookie jar) with <see cref="NewContextAsync"/>.
/// </summary>
public sealed class HeadlessChromium : IAsyncLifetime
{
    /// <summary>Where the Debian package <c>chromium</c> puts the browser (<c>.ci/run</c> and <c>scripts/test</c> install it).</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Headless Chromium is needed at {ExecutablePath}: apt-get install -y --no-install-recommends chromium " +
                "(scripts/test and .ci/run do this when they run as root).");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Timeout = 60_000,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
    }

    /// <summary>A fresh context: no cookies, no storage, nothing shared with other tests.</summary>
    public Task<IBrowserContext> NewContextAsync() => Browser.NewContextAsync();

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
