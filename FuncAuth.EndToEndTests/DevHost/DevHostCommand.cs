using System.Diagnostics;
using FuncAuth.TestSupport;

namespace FuncAuth.EndToEndTests.DevHost;

/// <summary>
/// Runs the DevHost with exactly the given arguments and environment (no DEVHOST_* variables inherited) and waits
/// for it to exit, keeping stdout and stderr apart: for start-up refusals, which must never get as far as listening.
/// </summary>
public static class DevHostCommand
{
    public static async Task<DevHostRun> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(RepositoryLayout.DevHostAssembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("DEVHOST_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var hang = new CancellationTokenSource(RawHttp.HangLimit);
        try
        {
            await process.WaitForExitAsync(hang.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The DevHost did not exit by itself:\n{await output}\n{await error}");
        }

        return new DevHostRun(process.ExitCode, await output, await error);
    }
}
