using System.Security.Cryptography;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using FuncAuth.Auth;
using FuncAuth.Discovery;
using FuncAuth.Http;
using FuncAuth.OpenApi;
using FuncAuth.Passwords;
using FuncAuth.Sessions;
using FuncAuth.Storage;
using FuncAuth.Telemetry;
using FuncAuth.TestSupport.Tables;
using FuncAuth.Tokens;
using FuncAuth.Users;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace FuncAuth.TestSupport.Functions;

/// <summary>
/// The function app's real service registrations (AddAuth, AddPasswords, AddTableStorage on Azurite with tables of its own,
/// AddHttpApi, AddTelemetry without exporters) and its real middleware chain, in this process. Requests go through
/// <see cref="FuncAuthPipeline.Middleware"/> in order (as <c>UseFuncAuthPipeline</c> wires them in Program.cs), then the function.
/// </summary>
public sealed class FunctionTestHost : IAsyncDisposable
{
    private readonly IHost _host;

    private FunctionTestHost(IHost host, IReadOnlyDictionary<string, string?> settings, RequestCountingPolicy storageCalls)
    {
        _host = host;
        Settings = settings;
        StorageCalls = storageCalls;
    }

    public IServiceProvider Services => _host.Services;

    /// <summary>Every call the app's TableServiceClient made to storage.</summary>
    public RequestCountingPolicy StorageCalls { get; }

    public IReadOnlyDictionary<string, string?> Settings { get; }

    public FakeTimeProvider Time => (FakeTimeProvider)Services.GetRequiredService<TimeProvider>();

    /// <summary>
    /// Starts a host on fresh tables; <paramref name="configure"/> may change any setting, <paramref name="services"/>
    /// add services last (e.g. a capturing logger provider).
    /// </summary>
    public static async Task<FunctionTestHost> StartAsync(
        Action<Dictionary<string, string?>>? configure = null,
        Action<IServiceCollection>? services = null,
        params HttpPipelinePolicy[] perRetryPolicies)
    {
        var settings = new Dictionary<string, string?>
        {
            ["TableStorage"] = TestStorage.ConnectionString,
            ["Tables:Users"] = TestStorage.UniqueTableName("fnusers"),
            ["Tables:Sessions"] = TestStorage.UniqueTableName("fnsessions"),
            ["Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Auth:Issuer"] = "https://funcauth.test/",
            ["Auth:Audience"] = "funcauth-tests",
            ["Auth:PublicOrigins:0"] = "http://localhost:7071",
        };
        configure?.Invoke(settings);

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero)));
        builder.Services.AddLogging();
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
        var storageCalls = new RequestCountingPolicy();
        builder.Services.Replace(ServiceDescriptor.Singleton(provider =>
        {
            // The app's client options (with its latency policy), plus the test's counting and fault policies.
            var clientOptions = TableStorageServiceCollectionExtensions.CreateClientOptions(provider.GetRequiredService<StorageLatencyPolicy>());
            clientOptions.AddPolicy(storageCalls, HttpPipelinePosition.PerCall);
            foreach (var policy in perRetryPolicies)
            {
                clientOptions.AddPolicy(policy, HttpPipelinePosition.PerRetry);
            }

            return new TableServiceClient(settings["TableStorage"], clientOptions);
        }));
        FuncAuthPipeline.AddMiddleware(builder.Services);
        services?.Invoke(builder.Services);

        var host = builder.Build();
        await host.StartAsync();
        return new FunctionTestHost(host, settings, storageCalls);
    }

    /// <summary>Sends a request through the middleware chain to the function its route names.</summary>
    public async Task<TestHttpResponseData> SendAsync(TestRequest request)
    {
        var url = new Uri(new Uri("http://localhost:7071"), request.PathAndQuery);
        var route = FunctionRoute.Match(request.Method, url.AbsolutePath)
            ?? throw new InvalidOperationException($"No function serves {request.Method} {url.AbsolutePath}.");

        var context = new TestFunctionContext(Services, new TestFunctionDefinition(route.Name, route.EntryPoint));
        context.SetRequest(new TestHttpRequestData(context, request.Method, url, request.Headers, request.Body));

        var chain = FuncAuthPipeline.Resolve(Services);
        FunctionExecutionDelegate invokeFunction = async ctx =>
        {
            var instance = ActivatorUtilities.CreateInstance(Services, route.Method.DeclaringType!);
            var request = await ctx.GetHttpRequestDataAsync();
            var args = route.Method.GetParameters()
                .Select(p => p.ParameterType == typeof(FunctionContext) ? (object?)ctx : request)
                .ToArray();
            var result = route.Method.Invoke(instance, args);
            ctx.GetInvocationResult().Value = result is Task task ? await AwaitResult(task) : result;
        };
        var pipeline = chain.Reverse().Aggregate(invokeFunction, (next, middleware) => ctx => middleware.Invoke(ctx, next));

        await pipeline(context);
        return context.Bindings.InvocationResult as TestHttpResponseData
            ?? throw new InvalidOperationException($"{route.Name} produced no HTTP response.");
    }

    private static async Task<object?> AwaitResult(Task task)
    {
        await task;
        return task.GetType().GetProperty("Result")?.GetValue(task);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
