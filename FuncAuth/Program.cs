using FuncAuth.Auth;
using FuncAuth.Cleanup;
using FuncAuth.Discovery;
using FuncAuth.Http;
using FuncAuth.OpenApi;
using FuncAuth.Passwords;
using FuncAuth.Storage;
using FuncAuth.Telemetry;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);

builder.AddAuth();
builder.AddPasswords();
builder.AddTableStorage();
builder.AddHttpApi();
builder.AddKeyDiscovery();
builder.AddTelemetry();
builder.AddOpenApiDocument();
builder.AddSessionCleanup();

builder.UseFuncAuthPipeline();

builder.Build().Run();
