using FuncAuth.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FuncAuth.Http;

/// <summary>Registers what the HTTP functions and middleware share.</summary>
public static class HttpApiServiceCollectionExtensions
{
    /// <summary>
    /// Cookies, the origin policy, the protected-function lookup, response builders, and the start-up warm-up of what
    /// the first requests use (<see cref="FirstRequestWarmUp"/>).
    /// </summary>
    public static IHostApplicationBuilder AddHttpApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AuthCookies>();
        builder.Services.AddSingleton<RequestOriginPolicy>();
        builder.Services.AddSingleton<ProtectedFunctions>();
        builder.Services.AddSingleton<IssuedTokensResponses>();
        builder.Services.AddHostedService<FirstRequestWarmUp>();
        return builder;
    }
}
