using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;

namespace FuncAuth.Http;

/// <summary>
/// The worker's middleware, in one place for the app (<c>Program.cs</c>) and the in-process test host: errors become
/// problem responses outermost, then cross-site state changes are refused, then the caller is authenticated.
/// </summary>
public static class FuncAuthPipeline
{
    /// <summary>The middleware types, outermost first.</summary>
    public static IReadOnlyList<Type> Middleware { get; } =
    [
        typeof(ExceptionMiddleware),
        typeof(CrossSiteRequestMiddleware),
        typeof(AuthenticationMiddleware),
    ];

    /// <summary>Registers each middleware as a singleton and adds it to the worker's pipeline in <see cref="Middleware"/> order.</summary>
    public static TBuilder UseFuncAuthPipeline<TBuilder>(this TBuilder builder)
        where TBuilder : IFunctionsWorkerApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddMiddleware(builder.Services);
        foreach (var type in Middleware)
        {
            builder.Use(next => context => Resolve(context.InstanceServices, type).Invoke(context, next));
        }

        return builder;
    }

    /// <summary>Registers the middleware as singletons (what <c>UseMiddleware&lt;T&gt;</c> does).</summary>
    public static IServiceCollection AddMiddleware(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        foreach (var type in Middleware)
        {
            services.AddSingleton(type);
        }

        return services;
    }

    /// <summary>The middleware instances from <paramref name="services"/>, outermost first.</summary>
    public static IReadOnlyList<IFunctionsWorkerMiddleware> Resolve(IServiceProvider services) =>
        Middleware.Select(type => Resolve(services, type)).ToArray();

    private static IFunctionsWorkerMiddleware Resolve(IServiceProvider services, Type type) =>
        (IFunctionsWorkerMiddleware)services.GetRequiredService(type);
}
