using System.Diagnostics;
using System.Text;
using FuncAuth.TestSupport;

namespace FuncAuth.EndToEndTests.Api;

/// <summary>
/// A FuncAuth.DevHost process serving one worker app on a loopback port, for tests over real HTTP.
/// <code>
/// await using var host = DevHostProcess.Start(RepositoryLayout.FuncAuthApp, new Dictionary&lt;string, string?&gt;
/// {
///     ["TableStorage"] = TestStorage.ConnectionString,
///     ["Tables__Users"] = TestStorage.UniqueTableName("users"),
///     ["Auth__SigningKey"] = key,
/// });
/// await host.WaitUntilReadyAsync();
/// using var client = new HttpClient { BaseAddress = host.BaseAddress };
/// </code>
/// Environment entries override both the test process's environment and the app's local.settings.json Values
/// (an existing variable wins there, as under Core Tools); a null value removes a variable.
/// </summary>
public sealed class DevHostProcess : IAsyncDisposable
{
    /// <summary>The DevHost prints this once every function is loaded (WorkerLifetimeService.ReadyLinePrefix).</summary>
    public const string ReadyLinePrefix = "DevHost ready on ";

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private DevHostProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Exited = WaitForExitCodeAsync(process);
    }

    public int Port { get; }

    /// <summary>http://127.0.0.1:&lt;port&gt;/ (the route prefix is part of each request path).</summary>
    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    /// <summary>Completes with the DevHost's exit code.</summary>
    public Task<int> Exited { get; }

    /// <summary>Everything the DevHost and the worker printed so far (for assertions and failure messages).</summary>
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

    /// <summary>
    /// Starts the DevHost for <paramref name="appDirectory"/> (a worker app's build output) on <paramref name="port"/>
    /// (a free one when null). With <paramref name="ignoreLocalSettings"/> the app's local.settings.json (which
    /// <c>scripts/run</c> creates on a developer's machine and the build copies beside the worker) is not read, so
    /// the test's own settings are the only ones.
    /// </summary>
    public static DevHostProcess Start(
        string appDirectory,
        IReadOnlyDictionary<string, string?>? environment = null,
        int? port = null,
        bool ignoreLocalSettings = false)
    {
        var chosenPort = port ?? FreeTcpPort.Pick();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = appDirectory,
        };
        foreach (var argument in new[]
                 {
                     RepositoryLayout.DevHostAssembly, "--app", appDirectory,
                     "--port", chosenPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--address", "127.0.0.1",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        if (ignoreLocalSettings)
        {
            start.ArgumentList.Add("--no-local-settings");
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        return new DevHostProcess(new Process { StartInfo = start }, chosenPort);
    }

    /// <summary>Waits for the ready line; throws with the DevHost's output if it exits or takes too long.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan? timeout = null)
    {
        var limit = Task.Delay(timeout ?? TimeSpan.FromSeconds(60));
        var first = await Task.WhenAny(_ready.Task, Exited, limit);
        if (first == _ready.Task)
        {
            return;
        }

        var why = first == Exited ? $"exited with code {Exited.Result}" : "did not become ready in time";
        throw new InvalidOperationException($"The DevHost for {BaseAddress} {why}. Its output:\n{Output}");
    }

    /// <summary>Waits for the DevHost to exit by itself; null when it is still running after <paramref name="timeout"/>.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout) =>
        await Task.WhenAny(Exited, Task.Delay(timeout)) == Exited ? Exited.Result : null;

    /// <summary>SIGTERM (the DevHost then sends WorkerTerminate), and a kill of the whole tree if it is not gone in 15 s.</summary>
    public async Task StopAsync()
    {
        if (Exited.IsCompleted)
        {
            return;
        }

        if (!PosixSignals.TryTerminate(_process.Id) || await WaitForExitAsync(TimeSpan.FromSeconds(15)) is null)
        {
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited in the meantime.
            }
        }

        await Exited;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
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

    private static async Task<int> WaitForExitCodeAsync(Process process)
    {
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
