using FuncAuth.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FuncAuth.Passwords;

/// <summary>Registers password handling: validated options, the hashing gate, the policy and <see cref="PasswordService"/>.</summary>
public static class PasswordServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>Auth:Passwords</c> (environment <c>Auth__Passwords__*</c>), validates it at startup (a bad value stops
    /// the app with a message naming the setting) and registers singletons: <see cref="PasswordBlocklist"/> (the
    /// bundled list, loaded once), <see cref="PasswordPolicy"/>, <see cref="HashingGate"/>, <see cref="PasswordService"/>.
    /// </summary>
    public static IHostApplicationBuilder AddPasswords(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddOptions<PasswordOptions>()
            .BindConfiguration(PasswordOptions.SectionName)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PasswordOptions>, PasswordOptionsValidator>());

        // Tests replace the clock with a FakeTimeProvider by registering theirs first.
        // Stryker disable once Statement : AddFuncAuthMetrics, called next, registers the same TimeProvider.System with TryAddSingleton
        services.TryAddSingleton(TimeProvider.System);
        services.AddFuncAuthMetrics();
        services.TryAddSingleton(_ => PasswordBlocklist.Embedded);
        services.TryAddSingleton<PasswordPolicy>();
        services.TryAddSingleton<HashingGate>();
        services.TryAddSingleton<PasswordService>();
        return builder;
    }
}
