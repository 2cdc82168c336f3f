using FuncAuth.Passwords;

namespace FuncAuth.Tests.Passwords;

public sealed class PasswordCheckTests
{
    [Fact]
    public void Message_UndefinedProblem_ThrowsNamingIt()
    {
        var check = new PasswordCheck((PasswordProblem)99, 15, 128);

        var error = Assert.Throws<InvalidOperationException>(() => check.Message);

        Assert.Equal("Unknown password problem 99.", error.Message);
    }

    [Fact]
    public void Message_TooShortAndTooLong_NameTheLimits()
    {
        Assert.Contains("at least 15", new PasswordCheck(PasswordProblem.TooShort, 15, 128).Message, StringComparison.Ordinal);
        Assert.Contains("at most 128", new PasswordCheck(PasswordProblem.TooLong, 15, 128).Message, StringComparison.Ordinal);
    }
}
