using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace FuncAuth.Discovery;

/// <summary>Registers the public-key documents (JWKS and discovery) of an ES256 deployment.</summary>
public static class DiscoveryServiceCollectionExtensions
{
    /// <summary>The documents are built once, from the key ring <c>AddAuth</c> registers.</summary>
    public static IHostApplicationBuilder AddKeyDiscovery(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<PublicKeyDocuments>();
        return builder;
    }
}
