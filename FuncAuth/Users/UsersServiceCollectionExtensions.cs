using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace FuncAuth.Users;

/// <summary>Registers registration (the user store comes from <c>AddTableStorage</c>, passwords from <c>AddPasswords</c>).</summary>
public static class UsersServiceCollectionExtensions
{
    /// <summary>Registers registration (the user store comes from <c>AddTableStorage</c>, passwords from <c>AddPasswords</c>).</summary>
    public static IHostApplicationBuilder AddUsers(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<RegistrationService>();
        return builder;
    }
}
