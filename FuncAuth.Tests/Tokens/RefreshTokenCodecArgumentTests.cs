using System.Security.Cryptography;
using FuncAuth.Tokens;

namespace FuncAuth.Tests.Tokens;

public sealed class RefreshTokenCodecArgumentTests
{
    private const string Id = "0123456789abcdef0123456789abcdef";

    private readonly RefreshTokenCodec _codec = new(new RefreshTokenKeyRing([RandomNumberGenerator.GetBytes(32)]));

    [Fact]
    public void Issue_NullUserId_ThrowsArgumentNullExceptionNamingIt()
    {
        var error = Assert.Throws<ArgumentNullException>(() => _codec.Issue(null!, Id, 0));

        Assert.Equal("userId", error.ParamName);
    }

    [Fact]
    public void Issue_NullSessionId_ThrowsArgumentNullExceptionNamingIt()
    {
        var error = Assert.Throws<ArgumentNullException>(() => _codec.Issue(Id, null!, 0));

        Assert.Equal("sessionId", error.ParamName);
    }

    [Fact]
    public void Issue_ShortSessionId_ThrowsSayingWhatAnIdIs()
    {
        var error = Assert.Throws<ArgumentException>(() => _codec.Issue(Id, "abc", 0));

        Assert.Equal("sessionId", error.ParamName);
        Assert.Contains("32 hex characters", error.Message, StringComparison.Ordinal);
    }
}
