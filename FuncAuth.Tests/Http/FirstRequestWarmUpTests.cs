using System.Reflection;
using System.Runtime.CompilerServices;
using FuncAuth.Http;
using FuncAuth.Passwords;
using FuncAuth.Sessions;
using FuncAuth.Storage;
using FuncAuth.TestSupport.Auth;
using FuncAuth.TestSupport.Logging;
using FuncAuth.Tokens;
using FuncAuth.Users;

namespace FuncAuth.Tests.Http;

public sealed class FirstRequestWarmUpTests
{
    private const int WarmUpFailedEventId = 1606;

    private readonly RecordingLogger<FirstRequestWarmUp> _log = new();

    private async Task Run(IServiceProvider services)
    {
        using var warmUp = new FirstRequestWarmUp(services, _log);
        await warmUp.StartAsync(CancellationToken.None);
        await warmUp.ExecuteTask!;
    }

    [Fact]
    public async Task ExecuteAsync_EverythingResolves_WarmsEachServiceInOrderAndLogsNothing()
    {
        var services = new ScriptedServices(TestAuth.AccessTokens(TestAuth.Options(), TestAuth.Clock()));

        await Run(services);

        Assert.Equal(
            [typeof(AccessTokenService), typeof(IUserStore), typeof(ISessionStore), typeof(StorageHealthProbe), typeof(PasswordBlocklist)],
            services.Requested);
        Assert.Empty(_log.Entries);
    }

    [Fact]
    public async Task ExecuteAsync_NothingRegistered_LogsEachPartOnceAndKeepsGoing()
    {
        await Run(new ScriptedServices(tokens: null, failing: [typeof(AccessTokenService), typeof(IUserStore), typeof(PasswordBlocklist)]));

        Assert.All(_log.EventIds, id => Assert.Equal(WarmUpFailedEventId, id));
        Assert.Equal(
            [
                "Start-up warm-up of access tokens failed (InvalidOperationException); the first request that needs it does the work",
                "Start-up warm-up of table clients failed (InvalidOperationException); the first request that needs it does the work",
                "Start-up warm-up of password blocklist failed (InvalidOperationException); the first request that needs it does the work",
            ],
            _log.Entries.Select(e => e.Message));
    }

    [Theory]
    [InlineData(typeof(IUserStore))]
    [InlineData(typeof(ISessionStore))]
    [InlineData(typeof(StorageHealthProbe))]
    public async Task ExecuteAsync_OneTableServiceFails_LogsTableClientsOnly(Type failing)
    {
        var services = new ScriptedServices(TestAuth.AccessTokens(TestAuth.Options(), TestAuth.Clock()), [failing]);

        await Run(services);

        var entry = Assert.Single(_log.Entries);
        Assert.Equal(WarmUpFailedEventId, entry.EventId);
        Assert.Contains("warm-up of table clients failed (InvalidOperationException)", entry.Message, StringComparison.Ordinal);
        Assert.Equal(typeof(PasswordBlocklist), services.Requested[^1]);
    }

    [Fact]
    public async Task ExecuteAsync_IssuingATokenThrows_LogsAccessTokensWithTheExceptionType()
    {
        var services = new ScriptedServices(TestAuth.AccessTokens(TestAuth.Options(), new BrokenClock()));

        await Run(services);

        var entry = Assert.Single(_log.Entries);
        Assert.Contains("warm-up of access tokens failed (TimeZoneNotFoundException)", entry.Message, StringComparison.Ordinal);
    }

    /// <summary>A clock that cannot tell the time: any token issue fails.</summary>
    private sealed class BrokenClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => throw new TimeZoneNotFoundException();
    }

    /// <summary>
    /// Hands out an inert instance of whatever is asked for (the warm-up only resolves them), the given token service,
    /// and throws for the <c>failing</c> types; records every request in order.
    /// </summary>
    private sealed class ScriptedServices(AccessTokenService? tokens, IReadOnlyCollection<Type>? failing = null) : IServiceProvider
    {
        public List<Type> Requested { get; } = [];

        public object? GetService(Type serviceType)
        {
            Requested.Add(serviceType);
            if (failing?.Contains(serviceType) == true)
            {
                throw new InvalidOperationException($"No service for {serviceType.Name}.");
            }

            if (serviceType == typeof(AccessTokenService))
            {
                return tokens;
            }

            return serviceType.IsInterface
                ? DispatchProxy.Create(serviceType, typeof(UnusedProxy))
                : RuntimeHelpers.GetUninitializedObject(serviceType);
        }
    }

    /// <summary>An interface implementation no one may call.</summary>
    public class UnusedProxy : DispatchProxy
    {
        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => throw new NotSupportedException();
    }
}
