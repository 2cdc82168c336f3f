using System.Diagnostics;
using System.Globalization;
using System.Text;
using FuncAuth.EndToEndTests.Api;
using FuncAuth.TestSupport;

namespace FuncAuth.EndToEndTests.Browser.Spa;

/// <summary>
/// The sample SPA's own static server (<c>node samples/spa/serve.mjs</c>, no dependencies) on a loopback port, so
/// the tests load the real page, the real <c>app.js</c> and the real <c>clients/browser/funcauth.js</c> from their
/// own origin, http://localhost:&lt;port&gt;.
/// </summary>
public sealed class SpaStaticServer : IAsyncDisposable
{
    private const string ReadyLinePrefix = "SPA ready on ";

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SpaStaticServer(int port, Uri api)
    {
        Origin = new Uri($"http://localhost:{port}/");
        var start = new ProcessStartInfo("node")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryLayout.Root,
        };
        foreach (var argument in new[]
                 {
                     Path.Combine(RepositoryLayout.Root, "samples", "spa", "serve.mjs"),
                     "--port", port.ToString(CultureInfo.InvariantCulture),
                     "--api", api.GetLeftPart(UriPartial.Authority),
                 })
        {
            start.ArgumentList.Add(argument);
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>http://localhost:&lt;port&gt;/: the SPA's origin (same site as an API on localhost, another origin).</summary>
    public Uri Origin { get; }

    /// <summary>The origin as a browser writes it in the <c>Origin</c> header (no trailing slash).</summary>
    public string OriginHeader => Origin.GetLeftPart(UriPartial.Authority);

    public static async Task<SpaStaticServer> StartAsync(int port, Uri api)
    {
        var server = new SpaStaticServer(port, api);
        var first = await Task.WhenAny(server._ready.Task, server._process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(30)));
        if (first != server._ready.Task)
        {
            await server.DisposeAsync();
            throw new InvalidOperationException($"The SPA server did not start. Its output:\n{server.Output}");
        }

        return server;
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM lets it close its socket; a kill after 5 s keeps a test run from hanging on it.
            if (PosixSignals.TryTerminate(_process.Id))
            {
                await Task.WhenAny(_process.WaitForExitAsync(), Task.Delay(5000));
            }

            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line.StartsWith(ReadyLinePrefix, StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }
}
