using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using FuncAuth.Auth;
using FuncAuth.Http;
using FuncAuth.Passwords;
using FuncAuth.Sessions;
using FuncAuth.Telemetry;
using FuncAuth.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace FuncAuth.Fuzz.Targets;

/// <summary>
/// The services the targets drive, built once per process from fixed inputs so every corpus file replays the same
/// way: a key derived from a public label (a fuzzing key, not a secret: it signs nothing outside fuzz/), a frozen
/// clock, default options otherwise.
/// </summary>
public static class FuzzAuth
{
    /// <summary>The instant the clock is frozen at; tokens in the corpus were issued at it.</summary>
    public static readonly DateTimeOffset Now = new(2030, 1, 15, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The raw signing key (32 bytes).</summary>
    public static readonly byte[] SigningKey = SHA256.HashData(Encoding.ASCII.GetBytes("FuncAuth fuzzing key: public, signs nothing real"));

    /// <summary>A second key that signs after a rotation in <see cref="RotatedOptions"/>.</summary>
    public static readonly byte[] NewerSigningKey = SHA256.HashData(Encoding.ASCII.GetBytes("FuncAuth fuzzing key 2: public, signs nothing real"));

    /// <summary>Options with <see cref="SigningKey"/> as the only key (kid <c>default</c>).</summary>
    public static AuthOptions Options { get; } = new() { SigningKey = Convert.ToBase64String(SigningKey) };

    /// <summary>Options where <see cref="SigningKey"/> is the older of two keys: its tokens still verify.</summary>
    public static AuthOptions RotatedOptions { get; } = new()
    {
        SigningKeys =
        [
            new SigningKeyOptions { Id = SigningKeyRing.DefaultKeyId, Key = Convert.ToBase64String(SigningKey) },
            new SigningKeyOptions { Id = "newer", Key = Convert.ToBase64String(NewerSigningKey) },
        ],
    };

    /// <summary>The frozen clock.</summary>
    public static TimeProvider Clock { get; } = new FixedClock(Now);

    /// <summary>Refresh tokens under <see cref="Options"/>.</summary>
    public static RefreshTokenCodec RefreshTokens { get; } = RefreshCodec(Options);

    /// <summary>Refresh tokens under <see cref="RotatedOptions"/>.</summary>
    public static RefreshTokenCodec RotatedRefreshTokens { get; } = RefreshCodec(RotatedOptions);

    /// <summary>Access tokens under <see cref="Options"/> at <see cref="Now"/>.</summary>
    public static AccessTokenService AccessTokens { get; } = new(MsOptions.Create(Options), new SigningKeyRing(Options), Clock);

    /// <summary>Access tokens under <see cref="RotatedOptions"/> at <see cref="Now"/>.</summary>
    public static AccessTokenService RotatedAccessTokens { get; } =
        new(MsOptions.Create(RotatedOptions), new SigningKeyRing(RotatedOptions), Clock);

    /// <summary>Cookie readers: the default names, and <c>__Host-</c> names at <c>/</c>.</summary>
    public static IReadOnlyList<(AuthCookieOptions Names, AuthCookies Cookies)> CookieReaders { get; } =
    [
        Cookies(new AuthCookieOptions()),
        Cookies(new AuthCookieOptions { AccessName = "__Host-auth", RefreshName = "__Host-refresh", AccessPath = "/", RefreshPath = "/" }),
    ];

    private static readonly Lazy<PasswordPolicy> Policy = new(() => new(MsOptions.Create(new PasswordOptions()), PasswordBlocklist.Embedded));
    private static readonly Lazy<PasswordService> PasswordServiceInstance = new(CreatePasswords);

    /// <summary>The default password policy (15..128 code points) with the bundled blocklist (loaded on first use).</summary>
    public static PasswordPolicy PasswordPolicy => Policy.Value;

    /// <summary>Metrics on a meter factory of their own (nothing listens).</summary>
    private static readonly FuncAuthMetrics Metrics =
        new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>());

    /// <summary>A password service at libsodium's cheapest Argon2id cost (stored hashes carry their own cost).</summary>
    public static PasswordService Passwords => PasswordServiceInstance.Value;

    /// <summary>A session service over <paramref name="store"/>, at <see cref="Now"/>.</summary>
    public static SessionService Sessions(ISessionStore store) =>
        new(store, RefreshTokens, AccessTokens, MsOptions.Create(Options), Clock, NullLogger<SessionService>.Instance, Metrics);

    private static RefreshTokenCodec RefreshCodec(AuthOptions options) =>
        new(new RefreshTokenKeyRing(new SigningKeyRing(options).Secrets));

    private static (AuthCookieOptions, AuthCookies) Cookies(AuthCookieOptions names) =>
        (names, new AuthCookies(MsOptions.Create(new AuthOptions { SigningKey = Options.SigningKey, Cookies = names }), Clock));

    private static PasswordService CreatePasswords()
    {
        var options = new PasswordOptions { Argon2 = { MemoryKiB = 8, Iterations = 1 }, MaxConcurrentHashes = 1 };
        var gate = new HashingGate(MsOptions.Create(options), TimeProvider.System, NullLogger<HashingGate>.Instance, Metrics);
        return new PasswordService(MsOptions.Create(options), gate, NullLogger<PasswordService>.Instance);
    }
}
