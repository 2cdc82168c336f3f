using FuncAuth.Auth;
using FuncAuth.TestSupport.Auth;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace FuncAuth.Tests.Auth;

public sealed class AuthDeploymentValidatorTests
{
    private static List<string> Failures(string environment, Action<AuthOptions> configure) =>
        new AuthDeploymentValidator(new Environment(environment)).Validate(null, TestAuth.Options(configure)).Failures?.ToList() ?? [];

    [Fact]
    public void Validate_InsecureCookiesInProduction_FailsNamingTheSettingAndEnvironment()
    {
        var failures = Failures(Environments.Production, o => o.Cookies.Secure = false);

        Assert.Contains(failures, f => f.Contains("Auth__Cookies__Secure", StringComparison.Ordinal) && f.Contains("'Production'", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_InsecureCookiesInDevelopment_Succeeds() =>
        Assert.Empty(Failures(Environments.Development, o => o.Cookies.Secure = false));

    [Theory]
    [InlineData("http://app.example.com")]
    [InlineData("http://192.168.1.20:5173")]
    public void Validate_PlainHttpRemoteOriginOutsideDevelopment_FailsNamingIt(string origin)
    {
        Assert.Contains(Failures(Environments.Staging, o => o.AllowedOrigins = ["https://ok.example.com", origin]),
            f => f.StartsWith("Auth__AllowedOrigins__1 ", StringComparison.Ordinal));
        Assert.Contains(Failures(Environments.Production, o => o.PublicOrigins = [origin]),
            f => f.StartsWith("Auth__PublicOrigins__0 ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://localhost:5173")]
    [InlineData("http://127.0.0.1:7071")]
    [InlineData("http://[::1]:7071")]
    [InlineData("https://app.example.com")]
    public void Validate_HttpsOrLoopbackOriginInProduction_Succeeds(string origin) =>
        Assert.Empty(Failures(Environments.Production, o => { o.AllowedOrigins = [origin]; o.PublicOrigins = [origin]; }));

    [Fact]
    public void Validate_PlainHttpRemoteOriginInDevelopment_Succeeds() =>
        Assert.Empty(Failures(Environments.Development, o => o.AllowedOrigins = ["http://192.168.1.20:5173"]));

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "FuncAuth";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
