using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace FuncAuth.OpenApi;

/// <summary>Registers what <c>GET /api/openapi.json</c> serves.</summary>
public static class OpenApiServiceCollectionExtensions
{
    /// <summary>The document is built and serialized once, from the settings <c>AddAuth</c> and <c>AddPasswords</c> bind.</summary>
    public static IHostApplicationBuilder AddOpenApiDocument(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<OpenApiDocumentJson>();
        return builder;
    }
}
