using FuncAuth.Tests.Fakes;
using FuncAuth.TestSupport.Auth;
using FuncAuth.TestSupport.Logging;
using FuncAuth.TestSupport.Metrics;
using FuncAuth.Users;

namespace FuncAuth.Tests.Users;

public sealed class RegistrationServiceLimitsTests
{
    private const string Password = "correct horse battery staple";

    private readonly FakeUserStore _users = new();
    private readonly RecordingLogger<RegistrationService> _logger = new();
    private readonly RegistrationService _service;

    public RegistrationServiceLimitsTests() => _service = new RegistrationService(
        _users, TestPasswords.Service(), TestPasswords.Policy(), TestAuth.Clock(), _logger, TestMetrics.Create());

    [Fact]
    public async Task RegisterAsync_DisplayNameAtTheLimit_Created()
    {
        var name = new string('b', CredentialRules.MaxDisplayNameLength);

        var created = Assert.IsType<RegisterResult.Created>(await _service.RegisterAsync("bob@example.com", Password, name, CancellationToken.None));

        Assert.Equal(name, created.DisplayName);
        Assert.Equal([1301], _logger.EventIds);
    }

    [Fact]
    public async Task RegisterAsync_DisplayNameOneOverTheLimit_ThrowsWithoutStorageCall()
    {
        var name = new string('b', CredentialRules.MaxDisplayNameLength + 1);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _service.RegisterAsync("bob@example.com", Password, name, CancellationToken.None));

        Assert.Equal("displayName", error.ParamName);
        Assert.Contains("CredentialRules", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _users.RoundTrips);
    }

    [Fact]
    public async Task RegisterAsync_InvalidEmail_ThrowsNamingTheRule()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _service.RegisterAsync("bob", Password, null, CancellationToken.None));

        Assert.Equal("email", error.ParamName);
        Assert.Contains("valid email", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterAsync_WeakPassword_ThrowsNamingThePolicy()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _service.RegisterAsync("bob@example.com", "short", null, CancellationToken.None));

        Assert.Equal("password", error.ParamName);
        Assert.Contains("PasswordPolicy", error.Message, StringComparison.Ordinal);
    }
}
