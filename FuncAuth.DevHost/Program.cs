using System.Net;
using FuncAuth.DevHost.Configuration;
using FuncAuth.DevHost.Http;
using FuncAuth.DevHost.Worker;
using Microsoft.AspNetCore.Server.Kestrel.Core;

// FuncAuth.DevHost: a stand-in for the Azure Functions host that runs the real isolated worker over real HTTP.
// Usage: dotnet FuncAuth.DevHost.dll [--app <dir>] [--port <n>] [--address <ip>]   (or DEVHOST_APP / DEVHOST_PORT / DEVHOST_ADDRESS)
var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddEnvironmentVariables("DEVHOST_");
// Re-added so the command line wins over DEVHOST_* variables.
builder.Configuration.AddCommandLine(args);

DevHostOptions options;
try
{
    options = DevHostOptions.Resolve(builder.Configuration);
}
catch (DevHostConfigurationException e)
{
    Console.Error.WriteLine($"FuncAuth.DevHost: {e.Message}");
    return 2;
}

var grpc = GrpcEndpoint.OnFreePort();
builder.WebHost.ConfigureKestrel(kestrel =>
{
    // Cleartext HTTP/2 only: with Http1AndHttp2 and no TLS the worker fails with HTTP_1_1_REQUIRED.
    kestrel.Listen(IPAddress.Loopback, grpc.Port, listen => listen.Protocols = HttpProtocols.Http2);
    // Declared Http1: without TLS, Http1AndHttp2 would only serve HTTP/1.1 and log a warning.
    if (options.Address.Equals("localhost", StringComparison.OrdinalIgnoreCase))
    {
        kestrel.ListenLocalhost(options.Port, listen => listen.Protocols = HttpProtocols.Http1);
    }
    else if (IPAddress.TryParse(options.Address, out var address))
    {
        kestrel.Listen(address, options.Port, listen => listen.Protocols = HttpProtocols.Http1);
    }
    else
    {
        throw new DevHostConfigurationException($"'{options.Address}' is not an IP address or 'localhost'.");
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

// Only requests on the gRPC port whose Host names it reach the worker service; everything else is function traffic.
app.MapGrpcService<FunctionRpcService>().RequireHost($"*:{grpc.Port}");

var cors = options.LocalSettings;
if (cors.CorsOrigins.Count > 0)
{
    // Core Tools' Startup.Configure: the Host.CORS origins, any header, any method, credentials when CORSCredentials.
    app.UseCors(policy =>
    {
        policy.WithOrigins([.. cors.CorsOrigins]).AllowAnyHeader().AllowAnyMethod();
        if (cors.CorsCredentials)
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
