using System.Globalization;
using System.Text;
using FuncAuth.DevHost.Configuration;
using FuncAuth.DevHost.Http;

namespace FuncAuth.DevHost.Worker;

/// <summary>
/// Starts the worker once Kestrel listens, prints the route list and the ready line, turns a worker exit into a
/// clear message and a non-zero DevHost exit, and on shutdown sends WorkerTerminate before killing the worker.
/// </summary>
internal sealed class WorkerLifetimeService(
    DevHostOptions options,
    GrpcEndpoint grpc,
    WorkerChannel channel,
    StartupClock clock,
    IHostApplicationLifetime lifetime,
    ILogger<WorkerLifetimeService> logger) : IHostedLifecycleService
{
    /// <summary>Printed once every function is loaded; scripts and tests wait for a line starting with it.</summary>
    public const string ReadyLinePrefix = "DevHost ready on ";

    private static readonly TimeSpan TerminateGracePeriod = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan KillAfter = TimeSpan.FromSeconds(6);

    private WorkerProcess? _worker;
    private volatile bool _stopping;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>After every hosted service (Kestrel included) started, so the worker finds the gRPC endpoint listening.</summary>
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopping.Register(() => _stopping = true);
        ReportWebsiteHostname();
        logger.Launching(options.Worker.ExecutablePath, options.Worker.WorkerPath, options.AppDirectory, grpc.Port);
        clock.MarkLaunched();
        try
        {
            _worker = WorkerProcess.Start(options, grpc.Port, channel.WorkerId);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            logger.LaunchFailed(options.Worker.ExecutablePath, e.Message);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
            return Task.CompletedTask;
        }

        logger.Started(_worker.Id);
        _ = WatchForExitAsync(_worker);
        _ = ReportReadyAsync(_worker);
        return Task.CompletedTask;
    }

    /// <summary>Before Kestrel stops, so WorkerTerminate still has a stream to travel on.</summary>
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        if (_worker is not { } worker || worker.Exited.IsCompleted)
        {
            return;
        }

        if (channel.RequestTermination(TerminateGracePeriod))
        {
            logger.TerminateSent(TerminateGracePeriod.TotalSeconds);
        }

        if (await worker.WaitOrKillAsync(KillAfter))
        {
            var exitCode = await worker.Exited;
            logger.Exited(exitCode);
        }
        else
        {
            logger.Killed(worker.Id, KillAfter.TotalSeconds);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        _worker?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Says where WEBSITE_HOSTNAME comes from when it is not the DevHost's own value.</summary>
    private void ReportWebsiteHostname()
    {
        var served = $"localhost:{options.Port}";
        foreach (var name in options.LocalSettings.Values.Keys.Where(WorkerEnvironment.IsWebsiteHostname))
        {
            logger.WebsiteHostnameSettingIgnored(name, Environment.GetEnvironmentVariable(WorkerEnvironment.WebsiteHostname) ?? served);
        }

        if (Environment.GetEnvironmentVariable(WorkerEnvironment.WebsiteHostname) is { } inherited && inherited != served)
        {
            logger.WebsiteHostnameInherited(inherited, served);
        }
    }

    private async Task WatchForExitAsync(WorkerProcess worker)
    {
        var exitCode = await worker.Exited;
        // Ctrl+C in a terminal signals the worker too (same process group); give the DevHost's own shutdown a
        // moment to begin so that an orderly stop is not reported as a crash.
        await Task.Delay(250);
        if (_stopping)
        {
            // StoppingAsync reports an orderly exit.
            return;
        }

        var phase = channel.Ready.IsCompletedSuccessfully ? "while serving requests" : "before it was ready";
        logger.ExitedOnItsOwn(worker.Id, exitCode, phase);
        Environment.ExitCode = 1;
        channel.Fault(new WorkerUnavailableException($"The worker exited with code {exitCode}."));
        lifetime.StopApplication();
    }

    private async Task ReportReadyAsync(WorkerProcess worker)
    {
        FunctionRouteTable routes;
        try
        {
            routes = await channel.Ready;
        }
        catch (Exception e)
        {
            // A worker that died is reported by WatchForExitAsync; only a worker that is alive but failed start-up is reported here.
            if (_stopping || await Task.WhenAny(worker.Exited, Task.Delay(TimeSpan.FromSeconds(1))) == worker.Exited)
            {
                return;
            }

            logger.StartFailed(e.Message);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
            return;
        }

        var text = new StringBuilder();
        text.AppendLine().AppendLine("Functions:").AppendLine();
        foreach (var route in routes.Routes)
        {
            var methods = route.Function.HttpTrigger!.Methods is { } m ? $"[{string.Join(',', m)}] " : "";
            text.Append('\t').Append(route.Function.Name).Append(": ").Append(methods)
                .Append(options.BaseUrl).Append('/').AppendLine(route.Template);
        }

        text.AppendLine();
        text.Append(ReadyLinePrefix).Append(options.BaseUrl)
            .Append(CultureInfo.InvariantCulture, $" (worker launch to all {routes.Routes.Count} HTTP functions loaded: {(int)clock.SinceLaunch.TotalMilliseconds} ms)");
        Console.Out.WriteLine(text.ToString());
    }
}
