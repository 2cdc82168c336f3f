using FuncAuth.Auth;
using FuncAuth.Cleanup;
using FuncAuth.Discovery;
using FuncAuth.Http;
using FuncAuth.OpenApi;
using FuncAuth.Passwords;
using FuncAuth.Sessions;
using FuncAuth.Storage;
using FuncAuth.Telemetry;
using FuncAuth.Tokens;
using FuncAuth.Users;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);

builder.AddAuth();
builder.AddTokens();
builder.AddUsers();
builder.AddSessions();
builder.AddPasswords();
builder.AddTableStorage();
builder.AddHttpApi();
builder.AddKeyDiscovery();
builder.AddTelemetry();
builder.AddOpenApiDocument();
builder.AddSessionCleanup();

builder.UseFuncAuthPipeline();

builder.Build().Run();
