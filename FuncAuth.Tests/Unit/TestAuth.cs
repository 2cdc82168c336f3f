using System.Security.Cryptography;
using FuncAuth.Auth;
using FuncAuth.Tokens;
using Microsoft.Extensions.Time.Testing;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace FuncAuth.Tests.Unit;

/// <summary>Valid options, a fixed clock and the token services built from them for unit tests; each call returns fresh instances.</summary>
internal static class TestAuth
{
    /// <summary>A whole-second instant so JWT second truncation does not blur boundaries.</summary>
    public static readonly DateTimeOffset Start = new(2030, 1, 15, 12, 0, 0, TimeSpan.Zero);

    public static string NewKey(int bytes = 32) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes));

    public static AuthOptions Options(Action<AuthOptions>? configure = null)
    {
        var options = new AuthOptions { SigningKey = NewKey() };
        configure?.Invoke(options);
        return options;
    }

    public static FakeTimeProvider Clock() => new(Start);

    public static AccessTokenService AccessTokens(AuthOptions options, TimeProvider clock) =>
        new(MsOptions.Create(options), new SigningKeyRing(options), clock);

    public static RefreshTokenCodec RefreshTokens(AuthOptions options) =>
        new(new RefreshTokenKeyRing(new SigningKeyRing(options).Secrets));
}
