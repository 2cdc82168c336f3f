using FuncAuth.Passwords;
using FuncAuth.Tests.Fakes;
using FuncAuth.TestSupport.Auth;
using FuncAuth.TestSupport.Metrics;
using FuncAuth.Users;
using Microsoft.Extensions.Logging.Abstractions;

namespace FuncAuth.Tests.Users;

public sealed class RegistrationServiceTests
{
    private const string Password = "correct horse battery staple";

    private static readonly PasswordService Passwords = TestPasswords.Service();

    private readonly FakeUserStore _users = new();
    private readonly RegistrationService _service;

    public RegistrationServiceTests() =>
        _service = new RegistrationService(_users, Passwords, TestPasswords.Policy(), TestAuth.Clock(), NullLogger<RegistrationService>.Instance, TestMetrics.Create());

    [Fact]
    public async Task RegisterAsync_NewEmail_StoresHashedUserInOneRoundTrip()
    {
        var created = Assert.IsType<RegisterResult.Created>(
            await _service.RegisterAsync("  Alice@Example.com ", Password, null, CancellationToken.None));

        var stored = _users["alice@example.com"]!;
        Assert.Equal(1, _users.RoundTrips);
        Assert.Matches("^[0-9a-f]{32}$", created.UserId);
        Assert.Equal(created.UserId, stored.UserId);
        Assert.Equal("Alice@Example.com", created.Email);
        Assert.Equal("Alice", created.DisplayName);
        Assert.StartsWith("$argon2id$", stored.PasswordHash, StringComparison.Ordinal);
        Assert.Equal(PasswordVerification.Success, await Passwords.VerifyAsync(stored.PasswordHash, Password));
        Assert.Equal((0, null), (stored.FailedLoginCount, stored.LockedUntil));
        Assert.Equal(TestAuth.Start, stored.CreatedAt);
    }

    [Fact]
    public async Task RegisterAsync_DisplayNameGiven_KeepsItTrimmed()
    {
        var created = Assert.IsType<RegisterResult.Created>(
            await _service.RegisterAsync("alice@example.com", Password, "  Alice A. ", CancellationToken.None));
        Assert.Equal("Alice A.", created.DisplayName);
    }

    [Fact]
    public async Task RegisterAsync_SameEmailDifferentCase_EmailTaken()
    {
        await _service.RegisterAsync("alice@example.com", Password, null, CancellationToken.None);

        Assert.IsType<RegisterResult.EmailTaken>(
            await _service.RegisterAsync("ALICE@example.com ", "another long password", null, CancellationToken.None));
    }

    [Fact]
    public async Task RegisterAsync_TwoUsers_GetDifferentIds()
    {
        var a = Assert.IsType<RegisterResult.Created>(await _service.RegisterAsync("a@example.com", Password, null, CancellationToken.None));
        var b = Assert.IsType<RegisterResult.Created>(await _service.RegisterAsync("b@example.com", Password, null, CancellationToken.None));
        Assert.NotEqual(a.UserId, b.UserId);
    }

    [Theory]
    [InlineData("not-an-email", Password)]
    [InlineData("alice@example.com", "short")]
    [InlineData("alice@example.com", "1qaz2wsx3edc4rfv")]
    public async Task RegisterAsync_InputTheHttpLayerRejects_ThrowsWithoutStorageCall(string email, string password)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _service.RegisterAsync(email, password, null, CancellationToken.None));
        Assert.Equal(0, _users.RoundTrips);
    }
}
