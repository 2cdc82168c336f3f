using FuncAuth.Passwords;

namespace FuncAuth.Tests.Passwords;

public sealed class PasswordBlocklistTests
{
    [Fact]
    public void Embedded_Always_HoldsTheBundledThirtyThousand()
    {
        var list = PasswordBlocklist.Embedded;

        Assert.Equal(30_000, list.Count);
        Assert.True(list.Contains("123456"));
        Assert.True(list.Contains("password"));
        Assert.True(list.Contains("1qaz2wsx3edc4rfv"));
        Assert.False(list.Contains("correct horse battery staple"));
        Assert.False(list.Contains(""));
    }

    [Fact]
    public void Embedded_TwoReads_SameInstance() =>
        Assert.Same(PasswordBlocklist.Embedded, PasswordBlocklist.Embedded);

    [Fact]
    public void Contains_DifferentCase_Matches() =>
        Assert.True(PasswordBlocklist.Embedded.Contains("DrAgOn"));

    [Fact]
    public void Constructor_OwnEntries_FoldedLikeCandidates()
    {
        var list = new PasswordBlocklist(["  Caf\u00e9 Latte Forever ", "", "\uff21\uff22\uff23\uff24", "bad" + HostilePasswords.HighSurrogate + "entry"]);

        Assert.Equal(2, list.Count);
        Assert.True(list.Contains("caf\u00e9 latte forever"));
        Assert.True(list.Contains("abcd"));
    }

    [Fact]
    public void Constructor_NullEntries_ThrowsArgumentNull() =>
        Assert.Equal("entries", Assert.Throws<ArgumentNullException>(() => new PasswordBlocklist(null!)).ParamName);

    [Fact]
    public void Contains_Null_ThrowsArgumentNull() =>
        Assert.Equal("normalizedPassword", Assert.Throws<ArgumentNullException>(() => PasswordBlocklist.Embedded.Contains(null!)).ParamName);
}
