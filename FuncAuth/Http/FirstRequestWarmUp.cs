using FuncAuth.Auth;
using FuncAuth.Passwords;
using FuncAuth.Sessions;
using FuncAuth.Storage;
using FuncAuth.Tokens;
using FuncAuth.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FuncAuth.Http;

/// <summary>
/// Does at start, while the worker's handshake with the host is under way, the one-time work the first requests would
/// otherwise pay for: the JWT handler's first issue and validation (type loading, JIT, key set-up), the Table clients
/// (connection string parsing, the HTTP pipeline; no call to storage, no table created) and the password blocklist.
/// Nothing here hashes a password or touches storage. A failure is only logged: the request that needs the part pays
/// for it, and reports it, as before. See docs/performance.md.
/// </summary>
public sealed class FirstRequestWarmUp(IServiceProvider services, ILogger<FirstRequestWarmUp> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        // Most requests first: every protected call validates a token; login and refresh issue one.
        Warm("access tokens", () =>
        {
            var tokens = services.GetRequiredService<AccessTokenService>();
            // Stryker disable once String : the warm-up token is thrown away; nothing reads its subject or session id
            tokens.Validate(tokens.Issue(new AuthenticatedUser("warm-up", "warm-up")).Token);
        });
        Warm("table clients", () =>
        {
            services.GetRequiredService<IUserStore>();
            services.GetRequiredService<ISessionStore>();
            services.GetRequiredService<StorageHealthProbe>();
        });
        Warm("password blocklist", () => services.GetRequiredService<PasswordBlocklist>());
    }, stoppingToken);

    private void Warm(string part, Action action)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            logger.WarmUpFailed(part, e.GetType().Name);
        }
    }
}
