using FuncAuth.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FuncAuth.Auth;

/// <summary>Registers the <c>Auth</c> settings, validated at startup, the clock and the metrics (tokens: <c>AddTokens</c>; users: <c>AddUsers</c>; sessions: <c>AddSessions</c>).</summary>
public static class AuthServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>Auth</c> and validates it at startup (a missing or short key stops the app with a message naming the
    /// setting).
    /// </summary>
    public static IHostApplicationBuilder AddAuth(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddOptions<AuthOptions>()
            .BindConfiguration(AuthOptions.SectionName)
            .PostConfigure<IConfiguration>((options, configuration) =>
            {
                if (options.PublicOrigins.Count == 0)
                {
                    options.PublicOrigins.AddRange(OwnOrigins.FromWebsiteHostName(configuration[OwnOrigins.WebsiteHostNameSetting]));
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuthOptions>, AuthDeploymentValidator>());

        // Tests replace the clock with a FakeTimeProvider by registering theirs first.
        services.TryAddSingleton(TimeProvider.System);
        services.AddFuncAuthMetrics();

        return builder;
    }
}
