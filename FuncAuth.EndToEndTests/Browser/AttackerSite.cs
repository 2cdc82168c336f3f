using System.Net;
using System.Text;
using FuncAuth.EndToEndTests.Api;

namespace FuncAuth.EndToEndTests.Browser;

/// <summary>
/// "Another site" for cross-site tests: a tiny HTTP server on a loopback port of its own, reached by the browser
/// as http://localhost:&lt;port&gt;/. Sites ignore ports but not hosts, and <c>localhost</c> and <c>127.0.0.1</c>
/// are different sites, so its pages are cross-site to the API at http://127.0.0.1:&lt;api port&gt;/ (when the API
/// itself is on <c>localhost</c>, as under <c>FUNCAUTH_BASE_URL=http://localhost:7071</c>, the attacker takes
/// 127.0.0.1 instead; any other API host is another site anyway). It is a real server rather than a Playwright
/// route, so no request of the attack goes through Playwright's interception.
/// </summary>
public sealed class AttackerSite : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, string> _pages = new(StringComparer.Ordinal);
    private readonly Task _serving;

    public AttackerSite(Uri api)
        : this(string.Equals(api.Host, "localhost", StringComparison.OrdinalIgnoreCase) ? "127.0.0.1" : "localhost")
    {
    }

    /// <summary>A site on <paramref name="host"/> (<c>localhost</c> or <c>127.0.0.1</c>) and a free port of its own.</summary>
    public AttackerSite(string host)
    {
        Origin = new Uri($"http://{host}:{FreeTcpPort.Pick()}/");
        _listener.Prefixes.Add(Origin.ToString());
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>http://localhost:&lt;port&gt;/ (or http://127.0.0.1:&lt;port&gt;/, see above).</summary>
    public Uri Origin { get; }

    /// <summary>Serves <paramref name="html"/> at <paramref name="path"/> and returns its URL.</summary>
    public string AddPage(string path, string html)
    {
        lock (_pages)
        {
            _pages[path] = html;
        }

        return new Uri(Origin, path).ToString();
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Close();
        try
        {
            await _serving;
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
            // The listener was closed while waiting for a request.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            string? html;
            lock (_pages)
            {
                _pages.TryGetValue(context.Request.Url?.AbsolutePath ?? "/", out html);
            }

            var body = Encoding.UTF8.GetBytes(html ?? "not found");
            context.Response.StatusCode = html is null ? 404 : 200;
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }
}
