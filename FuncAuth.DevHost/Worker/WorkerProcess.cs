using System.Diagnostics;
using FuncAuth.DevHost.Configuration;

namespace FuncAuth.DevHost.Worker;

/// <summary>
/// The worker process, launched as the Functions host launches a dotnet-isolated worker
/// (RpcWorkerContext.GetFormattedArguments, DefaultWorkerProcessFactory, RpcWorkerProcess), with its output
/// forwarded to the DevHost's console.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    /// <summary>RpcWorkerConstants.DefaultMaxMessageLengthBytes; without it the worker's gRPC limit is 0.</summary>
    private const string MaxMessageLength = "2147483647";

    private readonly Process _process;

    private WorkerProcess(Process process)
    {
        _process = process;
        Exited = WaitForExitCodeAsync(process);
    }

    public int Id => _process.Id;

    /// <summary>Completes with the exit code once the process has exited and its output is drained.</summary>
    public Task<int> Exited { get; }

    public static WorkerProcess Start(DevHostOptions options, int grpcPort, string workerId)
    {
        var requestId = Guid.NewGuid().ToString();
        var start = new ProcessStartInfo(options.Worker.ExecutablePath)
        {
            WorkingDirectory = options.AppDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(options.Worker.WorkerPath);
        // Both argument styles, as the host passes them: worker 2.x reads only the --functions-* ones.
        string[] arguments =
        [
            "--host", "127.0.0.1", "--port", grpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--workerId", workerId, "--requestId", requestId, "--grpcMaxMessageLength", MaxMessageLength,
            "--functions-uri", $"http://127.0.0.1:{grpcPort}/", "--functions-worker-id", workerId,
            "--functions-request-id", requestId, "--functions-grpc-max-message-length", MaxMessageLength,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in WorkerEnvironment.Build(options))
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Forward(Console.Out, e.Data);
        process.ErrorDataReceived += (_, e) => Forward(Console.Error, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new WorkerProcess(process);
    }

    /// <summary>Waits for the worker to exit on its own; kills it (and anything it started) when it does not.</summary>
    public async Task<bool> WaitOrKillAsync(TimeSpan timeout)
    {
        if (await Task.WhenAny(Exited, Task.Delay(timeout)) == Exited)
        {
            return true;
        }

        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the timeout and the kill.
        }

        await Exited;
        return false;
    }

    public void Dispose() => _process.Dispose();

    private static async Task<int> WaitForExitCodeAsync(Process process)
    {
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    private static void Forward(TextWriter writer, string? line)
    {
        if (line is not null)
        {
            writer.WriteLine($"[worker] {line}");
        }
    }
}
