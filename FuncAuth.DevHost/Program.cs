using System.Net;
using FuncAuth.DevHost.Configuration;
using FuncAuth.DevHost.Http;
using FuncAuth.DevHost.Worker;
using Microsoft.AspNetCore.Server.Kestrel.Core;

// FuncAuth.DevHost: a stand-in for the Azure Functions host that runs the real isolated worker over real HTTP.
// Usage: dotnet FuncAuth.DevHost.dll [--app <dir>] [--port <n>] [--address <ip|localhost>] [--max-request-body-size <bytes>] [--allow-remote]
//   [--no-local-settings] [--cors <origin,...>] [--cors-credentials]
// (or DEVHOST_APP / DEVHOST_PORT / DEVHOST_ADDRESS / DEVHOST_MAX_REQUEST_BODY_SIZE / DEVHOST_ALLOW_REMOTE / DEVHOST_NO_LOCAL_SETTINGS /
// DEVHOST_CORS / DEVHOST_CORS_CREDENTIALS).
DevHostOptions options;
try
{
    options = DevHostOptions.Resolve(new OptionReader(CommandLine.Parse(args), Environment.GetEnvironmentVariable));
    ListenPortCheck.EnsureFree(options);
}
catch (Exception e) when (e is DevHostConfigurationException or IOException or UnauthorizedAccessException)
{
    // One line on stderr and exit code 2 (a usage error), never a stack trace.
    Console.Error.WriteLine($"FuncAuth.DevHost: {string.Join(' ', e.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries))}");
    return 2;
}

// No args: the command line is the DevHost's own (CommandLine), not ASP.NET Core's (--urls, --environment, ...).
var builder = WebApplication.CreateBuilder();
var grpc = GrpcEndpoint.OnFreePort();
builder.WebHost.ConfigureKestrel(kestrel =>
{
    // The host's limit for bodies as they are read (the gRPC stream lifts it for itself); RequestBodyLimit refuses
    // a larger declared length before reading.
    kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodySize;
    // Cleartext HTTP/2 only: with Http1AndHttp2 and no TLS the worker fails with HTTP_1_1_REQUIRED.
    kestrel.Listen(IPAddress.Loopback, grpc.Port, listen => listen.Protocols = HttpProtocols.Http2);
    // Declared Http1: without TLS, Http1AndHttp2 would only serve HTTP/1.1 and log a warning.
    if (options.Address == "localhost")
    {
        kestrel.ListenLocalhost(options.Port, listen => listen.Protocols = HttpProtocols.Http1);
    }
    else
    {
        kestrel.Listen(IPAddress.Parse(options.Address), options.Port, listen => listen.Protocols = HttpProtocols.Http1);
    }
});

builder.Logging.AddSimpleConsole(console =>
{
    console.SingleLine = true;
    console.TimestampFormat = "HH:mm:ss.fff ";
});
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Logging.AddFilter("Grpc", LogLevel.Warning);

builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(15));
builder.Services.AddGrpc(rpc =>
{
    rpc.MaxReceiveMessageSize = int.MaxValue;
    rpc.MaxSendMessageSize = int.MaxValue;
});
builder.Services.AddCors();
builder.Services.AddSingleton(options);
builder.Services.AddSingleton(grpc);
builder.Services.AddSingleton<StartupClock>();
builder.Services.AddSingleton<WorkerChannel>();
builder.Services.AddSingleton<HttpFunctionEndpoint>();
builder.Services.AddHostedService<WorkerLifetimeService>();

var app = builder.Build();

// Function traffic is checked before CORS, routing or the worker see it. The worker's own connection (the gRPC
// port) is not function traffic: its one event stream carries every response, and gRPC sets its own limits.
app.UseWhen(
    context => context.Connection.LocalPort != grpc.Port,
    functionTraffic => functionTraffic.UseMiddleware<LoopbackHostFilter>().UseMiddleware<RequestBodyLimit>());
app.UseRouting();

// Only requests on the gRPC port whose Host names it reach the worker service; everything else is function traffic.
app.MapGrpcService<FunctionRpcService>().RequireHost($"*:{grpc.Port}");

var cors = options.Cors;
if (cors.Origins.Count > 0)
{
    // Core Tools' Startup.Configure: the --cors (or Host.CORS) origins, any header, any method, credentials when asked.
    app.UseCors(policy =>
    {
        policy.WithOrigins([.. cors.Origins]).AllowAnyHeader().AllowAnyMethod();
        if (cors.AllowCredentials)
        {
            policy.AllowCredentials();
        }
    });
}

var functions = app.Services.GetRequiredService<HttpFunctionEndpoint>();
app.Use(async (context, next) =>
{
    if (context.GetEndpoint() is not null)
    {
        await next(context);
        return;
    }

    await functions.InvokeAsync(context);
});

await app.RunAsync();
return Environment.ExitCode;
