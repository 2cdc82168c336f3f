using FuncAuth.Passwords;
using FuncAuth.TestSupport.Auth;

namespace FuncAuth.Tests.Passwords;

/// <summary>
/// Every call, also one that ends without hashing (an unusable stored value, a password that cannot normalize), needs a
/// live ticket of this service: the timing defence and the hashing bound both rest on it.
/// </summary>
public sealed class PasswordServiceTicketTests
{
    private const string Password = "correct horse battery staple";
    private static readonly string LoneSurrogate = "pass" + '\uD800';

    private readonly PasswordService _service = TestPasswords.Service();
    private readonly PasswordService _other = TestPasswords.Service();

    [Fact]
    public async Task HashAsync_ForeignTicketAndInvalidPassword_RefusesTheTicketFirst()
    {
        using var foreign = _other.Admit();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _service.HashAsync(foreign, LoneSurrogate, CancellationToken.None));

        Assert.Equal("ticket", error.ParamName);
        Assert.Contains("another PasswordService", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_ForeignTicketAndUnusableStoredValue_RefusesTheTicket()
    {
        using var foreign = _other.Admit();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _service.VerifyAsync(foreign, "not a hash", Password, CancellationToken.None));

        Assert.Equal("ticket", error.ParamName);
    }

    [Fact]
    public async Task VerifyDummyAsync_ForeignTicketAndInvalidPassword_RefusesTheTicket()
    {
        using var foreign = _other.Admit();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _service.VerifyDummyAsync(foreign, LoneSurrogate, CancellationToken.None));

        Assert.Equal("ticket", error.ParamName);
    }

    [Fact]
    public async Task EveryCall_NullTicket_ThrowsArgumentNullException()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => _service.HashAsync(null!, Password, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentNullException>(() => _service.VerifyAsync(null!, "not a hash", Password, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentNullException>(() => _service.VerifyDummyAsync(null!, Password, CancellationToken.None));
    }

    [Fact]
    public async Task VerifyAsync_NullArguments_ThrowEvenForAnUnusableStoredValue()
    {
        using var ticket = _service.Admit();

        await Assert.ThrowsAsync<ArgumentNullException>(() => _service.VerifyAsync(ticket, null!, Password, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentNullException>(() => _service.VerifyAsync(ticket, "not a hash", null!, CancellationToken.None));
    }

    [Fact]
    public async Task HashAsync_InvalidPassword_ThrowsNamingThePolicy()
    {
        using var ticket = _service.Admit();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _service.HashAsync(ticket, LoneSurrogate, CancellationToken.None));

        Assert.Equal("password", error.ParamName);
        Assert.Contains("PasswordPolicy", error.Message, StringComparison.Ordinal);
    }
}
