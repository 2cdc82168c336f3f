using System.Diagnostics;
using FuncAuth.TestSupport;

namespace FuncAuth.IntegrationTests.Deployment;

/// <summary>The exit code and output of one finished command-line tool run.</summary>
public sealed record ToolRun(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Both streams, for failure messages.</summary>
    public string Output => $"stdout:\n{StandardOutput}\nstderr:\n{StandardError}";

    /// <summary>
    /// Runs <paramref name="fileName"/> (a path relative to the repository root, or a program on the PATH) from the
    /// repository root with <paramref name="arguments"/>, adding or
    /// (with a null value) removing <paramref name="environment"/> entries, and waits up to
    /// <paramref name="timeout"/> (the first tools/bicep run restores the CLI from NuGet).
    /// </summary>
    public static async Task<ToolRun> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null)
    {
        // Process.Start resolves relative paths against this process's directory, not WorkingDirectory.
        var program = fileName.Contains('/', StringComparison.Ordinal) && !Path.IsPathRooted(fileName)
            ? Path.Combine(RepositoryLayout.Root, fileName)
            : fileName;
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = RepositoryLayout.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
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

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish in time.");
        }

        return new ToolRun(process.ExitCode, await stdout, await stderr);
    }
}
