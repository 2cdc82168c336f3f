using System.Text.Json;
using Microsoft.Playwright;

namespace FuncAuth.EndToEndTests.Browser.Spa;

/// <summary>
/// How funcauth.js turns answers into <c>FuncAuthError</c>s, run in Chromium against a small hand-written fake
/// <c>fetch</c> (the real API cannot be made to answer 503, and its cross-origin <c>Retry-After</c> is unreadable).
/// </summary>
[Collection(SpaCollection.Name)]
public sealed class BrowserClientErrorTests(SpaFixture app, HeadlessChromium chromium) : IClassFixture<HeadlessChromium>, IAsyncLifetime
{
    private const string Script = """
        async () => {
            const { createClient, FuncAuthError } = await import('/funcauth.js');
            const calls = [];
            const clientAnswering = (status, body, headers) => createClient({
                baseUrl: 'http://api.test/', storage: null, locks: null,
                fetch: async (url, init) => { calls.push({ url, credentials: init.credentials }); return new Response(body, { status, headers }); },
            });
            const caught = async (client, action) => {
                try { await action(client); return null; }
                catch (e) {
                    client.dispose();
                    return { isFuncAuthError: e instanceof FuncAuthError, name: e.name, message: e.message, status: e.status,
                             title: e.title ?? null, detail: e.detail ?? null, errors: e.errors, retryAfter: e.retryAfter };
                }
            };
            const problem = (status, title, detail, errors) => JSON.stringify({ type: 'about:blank', title, status, detail, errors });
            const json = { 'Content-Type': 'application/problem+json' };
            return {
                locked: await caught(clientAnswering(429, problem(429, 'Too Many Requests', 'Locked.'), { ...json, 'Retry-After': '7' }),
                    (c) => c.login('a@example.com', 'x')),
                invalid: await caught(clientAnswering(400, problem(400, 'Bad Request', 'Invalid.', { password: ['Too short.'] }), json),
                    (c) => c.register('a@example.com', 'x')),
                busy: await caught(clientAnswering(503, 'Service Unavailable', { 'Retry-After': new Date(Date.now() + 30000).toUTCString() }),
                    (c) => c.login('a@example.com', 'x')),
                relative: await caught(clientAnswering(200, '[]', {}), (c) => c.fetch('api/users/me')),
                calls,
            };
        }
        """;

    private IBrowserContext _context = null!;

    public async Task InitializeAsync() => _context = await chromium.NewContextAsync();

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task ProblemAnswersBecomeFuncAuthErrorsWithStatusTitleDetailFieldErrorsAndRetryAfter()
    {
        var spa = await SpaPage.OpenAsync(_context, app);

        var result = await spa.Page.EvaluateAsync<JsonElement>(Script);

        var locked = result.GetProperty("locked");
        Assert.True(locked.GetProperty("isFuncAuthError").GetBoolean());
        Assert.Equal("FuncAuthError", locked.GetProperty("name").GetString());
        Assert.Equal(429, locked.GetProperty("status").GetInt32());
        Assert.Equal("Too Many Requests", locked.GetProperty("title").GetString());
        Assert.Equal("Locked.", locked.GetProperty("detail").GetString());
        Assert.Equal("Locked.", locked.GetProperty("message").GetString());
        Assert.Equal(7, locked.GetProperty("retryAfter").GetInt32());

        var invalid = result.GetProperty("invalid");
        Assert.Equal(400, invalid.GetProperty("status").GetInt32());
        Assert.Equal("Too short.", invalid.GetProperty("errors").GetProperty("password")[0].GetString());
        Assert.Equal(JsonValueKind.Null, invalid.GetProperty("retryAfter").ValueKind);

        // Not a problem body, and Retry-After as an HTTP date: the status, a generic message, the seconds left.
        var busy = result.GetProperty("busy");
        Assert.True(busy.GetProperty("isFuncAuthError").GetBoolean());
        Assert.Equal(503, busy.GetProperty("status").GetInt32());
        Assert.Equal("HTTP 503", busy.GetProperty("message").GetString());
        Assert.InRange(busy.GetProperty("retryAfter").GetInt32(), 28, 31);

        // A path that does not start with '/' never leaves the page (it would join onto the base URL's host).
        var relative = result.GetProperty("relative");
        Assert.False(relative.GetProperty("isFuncAuthError").GetBoolean());
        Assert.Equal("TypeError", relative.GetProperty("name").GetString());

        var calls = result.GetProperty("calls").EnumerateArray().ToList();
        Assert.Equal(3, calls.Count);
        Assert.All(calls, c => Assert.Equal("include", c.GetProperty("credentials").GetString()));
        Assert.Equal(
            ["http://api.test/api/auth/login", "http://api.test/api/auth/register", "http://api.test/api/auth/login"],
            calls.Select(c => c.GetProperty("url").GetString()));
    }
}
