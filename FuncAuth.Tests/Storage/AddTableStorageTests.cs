using Azure.Data.Tables;
using FuncAuth.Sessions;
using FuncAuth.Storage;
using FuncAuth.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FuncAuth.Tests.Storage;

public sealed class AddTableStorageTests
{
    [Fact]
    public async Task StartAsync_NoStorageSetting_FailsNamingBothSettings()
    {
        using var host = Build(new() { ["TableStorage"] = "" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("TableStorage__serviceUri", error.Message);
        Assert.Contains("set TableStorage", error.Message);
    }

    [Theory]
    [InlineData("Tables:Users", "Tables__Users", "ab")]
    [InlineData("Tables:Users", "Tables__Users", "1users")]
    [InlineData("Tables:Sessions", "Tables__Sessions", "session-s")]
    public async Task StartAsync_InvalidTableName_FailsNamingSetting(string key, string setting, string value)
    {
        using var host = Build(new() { ["TableStorage"] = "UseDevelopmentStorage=true", [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(setting, error.Message);
    }

    [Fact]
    public async Task StartAsync_ClientIdNotAGuid_FailsNamingSetting()
    {
        using var host = Build(new() { ["TableStorage:serviceUri"] = "https://account.table.core.windows.net", ["TableStorage:clientId"] = "my-identity" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("TableStorage__clientId", error.Message);
    }

    [Fact]
    public void CreateCredential_ClientIdNamed_ThatUserAssignedIdentityOnly() =>
        Assert.IsType<Azure.Identity.ManagedIdentityCredential>(TableStorageServiceCollectionExtensions.CreateCredential(
            new TableStorageOptions { ServiceUri = "https://account.table.core.windows.net", ClientId = Guid.NewGuid().ToString() }));

    [Fact]
    public void CreateCredential_NoClientId_TheDefaultChain() =>
        Assert.IsType<Azure.Identity.DefaultAzureCredential>(TableStorageServiceCollectionExtensions.CreateCredential(
            new TableStorageOptions { ServiceUri = "https://account.table.core.windows.net" }));

    [Fact]
    public async Task StartAsync_ServiceUriNotAbsolute_FailsNamingSetting()
    {
        using var host = Build(new() { ["TableStorage:serviceUri"] = "not a uri" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("TableStorage__serviceUri", error.Message);
    }

    [Fact]
    public void AddTableStorage_ConnectionString_RegistersOneClientAndStoresWithDefaultTables()
    {
        using var host = Build(new() { ["TableStorage"] = "UseDevelopmentStorage=true" });

        var options = host.Services.GetRequiredService<IOptions<TableStorageOptions>>().Value;
        Assert.Equal("users", options.UsersTable);
        Assert.Equal("sessions", options.SessionsTable);
        Assert.Same(host.Services.GetRequiredService<TableServiceClient>(), host.Services.GetRequiredService<TableServiceClient>());
        Assert.IsType<TableUserStore>(host.Services.GetRequiredService<IUserStore>());
        Assert.IsType<TableSessionStore>(host.Services.GetRequiredService<ISessionStore>());
        Assert.Same(host.Services.GetRequiredService<IUserStore>(), host.Services.GetRequiredService<IUserStore>());
    }

    [Fact]
    public void AddTableStorage_ServiceUriOnly_BuildsClientForThatAccount()
    {
        using var host = Build(new()
        {
            ["TableStorage:serviceUri"] = "https://funcauth.table.core.windows.net/",
            ["Tables:Users"] = "usersA1",
            ["Tables:Sessions"] = "sessionsB2",
        });

        var client = host.Services.GetRequiredService<TableServiceClient>();
        var options = host.Services.GetRequiredService<IOptions<TableStorageOptions>>().Value;

        Assert.Equal("funcauth", client.AccountName);
        Assert.Equal("usersA1", options.UsersTable);
        Assert.Equal("sessionsB2", options.SessionsTable);
    }

    [Fact]
    public void CreateClientOptions_Always_AStorageCallGivesUpWithinThreeSeconds()
    {
        var options = TableStorageServiceCollectionExtensions.CreateClientOptions();

        // Every attempt may use the whole network timeout; the retries wait at most MaxDelay each.
        var worstCase = ((options.Retry.MaxRetries + 1) * options.Retry.NetworkTimeout) + (options.Retry.MaxRetries * options.Retry.MaxDelay);
        Assert.True(worstCase <= TimeSpan.FromSeconds(3), $"worst case {worstCase}");
        Assert.True(options.Retry.MaxRetries >= 1, "one retry covers a dropped connection");
        Assert.True(options.Retry.NetworkTimeout >= TimeSpan.FromSeconds(1), "far above the milliseconds a point operation takes");
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddTableStorage();
        return builder.Build();
    }
}
