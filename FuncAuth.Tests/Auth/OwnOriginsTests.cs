using FuncAuth.Auth;

namespace FuncAuth.Tests.Auth;

public sealed class OwnOriginsTests
{
    [Fact]
    public void FromWebsiteHostName_AzureHostName_HttpsOnly() =>
        Assert.Equal(["https://funcauth-abc.azurewebsites.net"], OwnOrigins.FromWebsiteHostName("funcauth-abc.azurewebsites.net"));

    [Theory]
    [InlineData("localhost:7071")]
    [InlineData("127.0.0.1:7071")]
    [InlineData("[::1]:7071")]
    public void FromWebsiteHostName_LoopbackWithPort_EveryLoopbackSpellingOverHttp(string hostName) =>
        Assert.Equal(["http://localhost:7071", "http://127.0.0.1:7071", "http://[::1]:7071"], OwnOrigins.FromWebsiteHostName(hostName));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("host/path")]
    [InlineData("user@host")]
    [InlineData("bad host")]
    public void FromWebsiteHostName_MissingOrNotAHostName_Empty(string? hostName) =>
        Assert.Empty(OwnOrigins.FromWebsiteHostName(hostName));
}
