using FuncAuth.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FuncAuth.Tokens;

/// <summary>Registers the signing and refresh-token key rings (from the validated <c>Auth</c> options), the refresh-token codec and the access-token service.</summary>
public static class TokensServiceCollectionExtensions
{
    /// <summary>Registers the signing and refresh-token key rings (from the validated <c>Auth</c> options), the refresh-token codec and the access-token service.</summary>
    public static IHostApplicationBuilder AddTokens(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(provider => new SigningKeyRing(provider.GetRequiredService<IOptions<AuthOptions>>().Value));
        services.TryAddSingleton(provider => new RefreshTokenKeyRing(provider.GetRequiredService<SigningKeyRing>().Secrets));
        services.TryAddSingleton<RefreshTokenCodec>();
        services.TryAddSingleton<AccessTokenService>();
        return builder;
    }
}
