using FuncAuth.Auth;
using FuncAuth.Passwords;
using FuncAuth.Sessions;
using FuncAuth.Tests.Fakes;
using FuncAuth.TestSupport.Auth;
using FuncAuth.Tokens;
using FuncAuth.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FuncAuth.Tests.Architecture;

/// <summary>
/// Each feature folder registers its own services: with the stores as fakes, the app's Add calls (as Program.cs makes
/// them, storage aside) resolve every service the functions need, one instance each.
/// </summary>
public sealed class FeatureRegistrationTests
{
    private static IHost BuildHost(Action<IHostApplicationBuilder> add)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:SigningKey"] = TestAuth.NewKey() });
        builder.Services.AddLogging();
        builder.Services.AddSingleton<IUserStore, FakeUserStore>();
        builder.Services.AddSingleton<ISessionStore, FakeSessionStore>();
        builder.AddAuth();
        builder.AddPasswords();
        add(builder);
        return builder.Build();
    }

    [Fact]
    public void AddTokens_AfterAddAuth_RegistersTheKeyRingsCodecAndAccessTokenServiceOnce()
    {
        using var host = BuildHost(b => b.AddTokens());

        Assert.Same(host.Services.GetRequiredService<SigningKeyRing>(), host.Services.GetRequiredService<SigningKeyRing>());
        Assert.Same(host.Services.GetRequiredService<RefreshTokenKeyRing>(), host.Services.GetRequiredService<RefreshTokenKeyRing>());
        Assert.Same(host.Services.GetRequiredService<RefreshTokenCodec>(), host.Services.GetRequiredService<RefreshTokenCodec>());
        Assert.Same(host.Services.GetRequiredService<AccessTokenService>(), host.Services.GetRequiredService<AccessTokenService>());
    }

    [Fact]
    public void AddUsers_WithoutIt_RegistrationServiceIsMissing()
    {
        using var without = BuildHost(b => b.AddTokens());
        using var with = BuildHost(b => b.AddTokens().AddUsers());

        Assert.Null(without.Services.GetService<RegistrationService>());
        Assert.Same(with.Services.GetRequiredService<RegistrationService>(), with.Services.GetRequiredService<RegistrationService>());
    }

    [Fact]
    public void AddSessions_WithoutIt_LoginAndSessionServicesAreMissing()
    {
        using var without = BuildHost(b => b.AddTokens().AddUsers());
        using var with = BuildHost(b => b.AddTokens().AddUsers().AddSessions());

        Assert.Null(without.Services.GetService<LoginService>());
        Assert.Null(without.Services.GetService<SessionService>());
        Assert.Same(with.Services.GetRequiredService<LoginService>(), with.Services.GetRequiredService<LoginService>());
        Assert.Same(with.Services.GetRequiredService<SessionService>(), with.Services.GetRequiredService<SessionService>());
    }

    [Fact]
    public void AddTokensAddUsersAddSessions_NullBuilder_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => TokensServiceCollectionExtensions.AddTokens(null!));
        Assert.Throws<ArgumentNullException>(() => UsersServiceCollectionExtensions.AddUsers(null!));
        Assert.Throws<ArgumentNullException>(() => SessionsServiceCollectionExtensions.AddSessions(null!));
    }
}
