using System.Text.Json;
using Microsoft.Playwright;

namespace FuncAuth.EndToEndTests.Browser;

/// <summary>
/// A browser tab showing a document of the API's own origin, from which scripts call the API with <c>fetch</c>
/// exactly as a same-origin web app would. The document is the API's real <c>GET /api/health</c> answer (Chromium
/// renders the JSON as a page), so the product needs no page of its own and no test-only code: what counts
/// for cookies and the Origin check is the document's origin, http://127.0.0.1:&lt;port&gt;, not its content.
/// (A Playwright route fulfilling a fake page at that origin would work too, but would put Playwright's request
/// interception in the path of the very requests under test.)
/// </summary>
public sealed class ApiOriginPage
{
    private const string FetchScript = """
        async ({ method, path, json }) => {
            const init = { method, credentials: 'same-origin' };
            if (json !== null) {
                init.headers = { 'Content-Type': 'application/json' };
                init.body = json;
            }
            const response = await fetch(path, init);
            return { status: response.status, body: await response.text() };
        }
        """;

    private ApiOriginPage(IPage page, Uri origin)
    {
        Page = page;
        Origin = origin;
    }

    public IPage Page { get; }

    /// <summary>The API's origin, for example http://127.0.0.1:5123/.</summary>
    public Uri Origin { get; }

    /// <summary>Opens <c>/api/health</c> in a new tab of <paramref name="context"/>.</summary>
    public static async Task<ApiOriginPage> OpenAsync(IBrowserContext context, Uri apiBaseAddress)
    {
        var page = await context.NewPageAsync();
        var apiPage = new ApiOriginPage(page, apiBaseAddress);
        await apiPage.ReturnAsync();
        return apiPage;
    }

    /// <summary>Navigates (back) to the API's own origin.</summary>
    public async Task ReturnAsync()
    {
        var response = await Page.GotoAsync(new Uri(Origin, "api/health").ToString());
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
    }

    /// <summary>The page's script runs <c>fetch(path, {method, credentials: 'same-origin'})</c>; no header carries a token.</summary>
    public async Task<FetchResult> FetchAsync(string method, string path, object? json = null)
    {
        var result = await Page.EvaluateAsync<JsonElement>(FetchScript, new
        {
            method,
            path,
            json = json is null ? null : JsonSerializer.Serialize(json),
        });
        return new FetchResult(result.GetProperty("status").GetInt32(), result.GetProperty("body").GetString() ?? string.Empty);
    }

    /// <summary>What the page's script can see of cookies.</summary>
    public Task<string> DocumentCookieAsync() => Page.EvaluateAsync<string>("() => document.cookie");
}

/// <summary>What the page's <c>fetch</c> got back.</summary>
public sealed record FetchResult(int Status, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
