using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using FuncAuth.TestSupport;

namespace FuncAuth.EndToEndTests.Api;

/// <summary>
/// An Azurite of a test's own (from the repository's node_modules, installed by scripts/test and .ci/run), on free
/// loopback ports with its data in a temporary folder, so it can be frozen (SIGSTOP), thawed, killed and restarted on
/// the same data without disturbing the shared Azurite other tests use.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private const int SigKill = 9;
    private const int SigStop = 19;
    private const int SigCont = 18;

    private readonly string _location = Path.Combine(Path.GetTempPath(), "funcauth-azurite-" + Guid.NewGuid().ToString("N"));
    private readonly int _blobPort = FreeTcpPort.Pick();
    private readonly int _queuePort = FreeTcpPort.Pick();
    private Process? _process;

    public int TablePort { get; } = FreeTcpPort.Pick();

    /// <summary>How often Azurite writes its data to <c>--location</c> (LokiJS <c>autosaveInterval</c> in its table store).</summary>
    public static TimeSpan AutosaveInterval { get; } = TimeSpan.FromSeconds(5);

    /// <summary>A connection string for this instance's Table endpoint.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    public static async Task<AzuriteProcess> StartAsync()
    {
        var azurite = new AzuriteProcess();
        await azurite.RestartAsync();
        return azurite;
    }

    /// <summary>Starts (or starts again, on the same data and ports) and waits until the Table port accepts connections.</summary>
    public async Task RestartAsync()
    {
        Directory.CreateDirectory(_location);
        var executable = Path.Combine(RepositoryLayout.Root, "node_modules", ".bin", "azurite");
        var start = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
                 {
                     "--silent", "--skipApiVersionCheck", "--location", _location,
                     "--blobHost", "127.0.0.1", "--blobPort", $"{_blobPort}",
                     "--queueHost", "127.0.0.1", "--queuePort", $"{_queuePort}",
                     "--tableHost", "127.0.0.1", "--tablePort", $"{TablePort}",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", TablePort);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException($"Azurite ({executable}) did not listen on {TablePort} within 30 s.");
    }

    /// <summary>SIGSTOP: the process keeps its sockets but answers nothing (a hung storage account).</summary>
    public void Freeze() => Signal(SigStop);

    /// <summary>SIGCONT after <see cref="Freeze"/>.</summary>
    public void Thaw() => Signal(SigCont);

    /// <summary>SIGKILL: connections are refused until <see cref="RestartAsync"/>.</summary>
    public async Task KillAsync()
    {
        Signal(SigKill);
        await _process!.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            Signal(SigCont);
            Signal(SigKill);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        if (Directory.Exists(_location))
        {
            Directory.Delete(_location, recursive: true);
        }
    }

    private void Signal(int signal)
    {
        if (_process is null || _process.HasExited || kill(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"Could not send signal {signal} to Azurite.");
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
