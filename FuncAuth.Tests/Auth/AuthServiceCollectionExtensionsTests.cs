using FuncAuth.Auth;
using FuncAuth.TestSupport.Auth;
using FuncAuth.Tokens;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FuncAuth.Tests.Auth;

public sealed class AuthServiceCollectionExtensionsTests
{
    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddAuth();
        builder.AddTokens();
        return builder.Build();
    }

    [Fact]
    public void AddAuth_MissingKey_ResolvingOptionsThrowsNamingSetting()
    {
        using var host = BuildHost([]);

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<AuthOptions>>().Value);
        Assert.Contains("Auth__SigningKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddAuth_MissingKey_StartFails()
    {
        using var host = BuildHost([]);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Auth__SigningKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAuth_NestedLockoutOutOfRange_FailsNamingNestedSetting()
    {
        using var host = BuildHost(new()
        {
            ["Auth:SigningKey"] = TestAuth.NewKey(),
            ["Auth:Lockout:MaxFailedAttempts"] = "0",
        });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<AuthOptions>>().Value);
        Assert.Contains("Auth__Lockout__MaxFailedAttempts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAuth_EnvironmentStyleSettings_BindAndResolveServices()
    {
        var oldKey = TestAuth.NewKey();
        using var host = BuildHost(new()
        {
            ["Auth:SigningKeys:0:Id"] = "old",
            ["Auth:SigningKeys:0:Key"] = oldKey,
            ["Auth:SigningKeys:1:Id"] = "new",
            ["Auth:SigningKeys:1:Key"] = TestAuth.NewKey(),
            ["Auth:AccessTokenLifetime"] = "00:05:00",
            ["Auth:Cookies:AccessName"] = "__Host-auth",
            ["Auth:Cookies:AccessPath"] = "/",
        });

        var options = host.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        Assert.Equal(TimeSpan.FromMinutes(5), options.AccessTokenLifetime);
        Assert.Equal("__Host-auth", options.Cookies.AccessName);
        Assert.Equal(["old", "new"], options.SigningKeys.Select(k => k.Id));
        Assert.Same(TimeProvider.System, host.Services.GetRequiredService<TimeProvider>());

        var tokens = host.Services.GetRequiredService<AccessTokenService>();
        var issued = tokens.Issue(new AuthenticatedUser("u", "s"));
        Assert.NotNull(tokens.Validate(issued.Token));
    }
}
