using FuncAuth.Sessions;
using FuncAuth.Telemetry;
using FuncAuth.Tokens;
using FuncAuth.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FuncAuth.Auth;

/// <summary>Registers authentication: validated options, the clock, tokens, registration, login, sessions (passwords: <c>AddPasswords</c>).</summary>
public static class AuthServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>Auth</c>, validates it at startup (a missing or short key stops the app with a message naming the
    /// setting) and registers the services. The stores (<see cref="IUserStore"/>, <see cref="ISessionStore"/>) come
    /// from <c>AddTableStorage</c>; <c>PasswordService</c> and <c>PasswordPolicy</c> from <c>AddPasswords</c>.
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

        services.TryAddSingleton(provider => new SigningKeyRing(provider.GetRequiredService<IOptions<AuthOptions>>().Value));
        services.TryAddSingleton(provider => new RefreshTokenKeyRing(provider.GetRequiredService<SigningKeyRing>().Secrets));
        services.TryAddSingleton<RefreshTokenCodec>();
        services.TryAddSingleton<AccessTokenService>();
        services.TryAddSingleton<RegistrationService>();
        services.TryAddSingleton<LoginService>();
        services.TryAddSingleton<SessionService>();
        return builder;
    }
}
