using FuncAuth.Sessions;
using FuncAuth.Tokens;
using FuncAuth.Users;
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
            .Bind(builder.Configuration.GetSection(AuthOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>());

        // Tests replace the clock with a FakeTimeProvider by registering theirs first.
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton<AccessTokenService>();
        services.TryAddSingleton<RegistrationService>();
        services.TryAddSingleton<LoginService>();
        services.TryAddSingleton<SessionService>();
        return builder;
    }
}
