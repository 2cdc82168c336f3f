using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace FuncAuth.Sessions;

/// <summary>Registers login and the session rules (the stores come from <c>AddTableStorage</c>, tokens from <c>AddTokens</c>).</summary>
public static class SessionsServiceCollectionExtensions
{
    /// <summary>Registers login and the session rules (the stores come from <c>AddTableStorage</c>, tokens from <c>AddTokens</c>).</summary>
    public static IHostApplicationBuilder AddSessions(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<LoginService>();
        builder.Services.TryAddSingleton<SessionService>();
        return builder;
    }
}
