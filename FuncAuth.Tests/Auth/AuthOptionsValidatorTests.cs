using FuncAuth.Auth;
using FuncAuth.TestSupport.Auth;

namespace FuncAuth.Tests.Auth;

public sealed class AuthOptionsValidatorTests
{
    private static IEnumerable<string> Failures(AuthOptions options) =>
        new AuthOptionsValidator().Validate(null, options).Failures ?? [];

    private static void AssertFailsNaming(AuthOptions options, string setting)
    {
        var result = new AuthOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains(setting, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_DefaultsWithKey_Succeeds()
    {
        var result = new AuthOptionsValidator().Validate(null, TestAuth.Options());
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_MissingKey_FailsNamingSigningKey() =>
        AssertFailsNaming(TestAuth.Options(o => o.SigningKey = null), "Auth__SigningKey");

    [Fact]
    public void Validate_ShortKey_FailsNamingSigningKeyWithoutEchoingIt()
    {
        var shortKey = TestAuth.NewKey(31);
        var failures = Failures(TestAuth.Options(o => o.SigningKey = shortKey)).ToList();

        Assert.Contains("Auth__SigningKey must be base64 of at least 32 bytes (256 bits)", failures);
        Assert.DoesNotContain(failures, f => f.Contains(shortKey, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NonBase64Key_FailsWithoutEchoingIt()
    {
        const string notBase64 = "this is not base64 but is long enough to be 32 chars!!";
        var failures = Failures(TestAuth.Options(o => o.SigningKey = notBase64)).ToList();

        Assert.Contains(failures, f => f.StartsWith("Auth__SigningKey ", StringComparison.Ordinal));
        Assert.DoesNotContain(failures, f => f.Contains(notBase64, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SigningKeysWithoutSigningKey_Succeeds()
    {
        var options = TestAuth.Options(o =>
        {
            o.SigningKey = null;
            o.SigningKeys = [new() { Id = "2024", Key = TestAuth.NewKey() }, new() { Id = "2025", Key = TestAuth.NewKey(64) }];
        });

        Assert.Empty(Failures(options));
    }

    [Fact]
    public void Validate_SigningKeysShortKey_FailsNamingIndex() =>
        AssertFailsNaming(
            TestAuth.Options(o => o.SigningKeys = [new() { Id = "a", Key = TestAuth.NewKey() }, new() { Id = "b", Key = TestAuth.NewKey(16) }]),
            "Auth__SigningKeys__1__Key");

    [Fact]
    public void Validate_SigningKeysEmptyId_FailsNamingId() =>
        AssertFailsNaming(TestAuth.Options(o => o.SigningKeys = [new() { Id = " ", Key = TestAuth.NewKey() }]), "Auth__SigningKeys__0__Id");

    [Fact]
    public void Validate_SigningKeysDuplicateId_FailsNamingSecondId() =>
        AssertFailsNaming(
            TestAuth.Options(o => o.SigningKeys = [new() { Id = "k", Key = TestAuth.NewKey() }, new() { Id = "k", Key = TestAuth.NewKey() }]),
            "Auth__SigningKeys__1__Id");

    [Theory]
    [InlineData("AccessTokenLifetime", "Auth__AccessTokenLifetime")]
    [InlineData("RefreshTokenLifetime", "Auth__RefreshTokenLifetime")]
    [InlineData("SessionLifetime", "Auth__SessionLifetime")]
    public void Validate_ZeroLifetime_FailsNamingSetting(string property, string setting)
    {
        var options = TestAuth.Options();
        typeof(AuthOptions).GetProperty(property)!.SetValue(options, TimeSpan.Zero);
        AssertFailsNaming(options, setting);
    }

    [Fact]
    public void Validate_AccessLifetimeEqualToRefresh_FailsNamingAccessLifetime() =>
        AssertFailsNaming(TestAuth.Options(o => o.AccessTokenLifetime = o.RefreshTokenLifetime), "Auth__AccessTokenLifetime");

    [Fact]
    public void Validate_RefreshLongerThanSession_FailsNamingRefreshLifetime() =>
        AssertFailsNaming(TestAuth.Options(o => o.RefreshTokenLifetime = o.SessionLifetime + TimeSpan.FromSeconds(1)), "Auth__RefreshTokenLifetime");

    [Fact]
    public void Validate_RefreshEqualToSession_Succeeds() =>
        Assert.Empty(Failures(TestAuth.Options(o => o.RefreshTokenLifetime = o.SessionLifetime)));

    [Fact]
    public void Validate_NegativeGrace_FailsNamingGrace() =>
        AssertFailsNaming(TestAuth.Options(o => o.RefreshReuseGrace = TimeSpan.FromSeconds(-1)), "Auth__RefreshReuseGrace");

    [Fact]
    public void Validate_GraceEqualToRefreshLifetime_FailsNamingGrace() =>
        AssertFailsNaming(TestAuth.Options(o => o.RefreshReuseGrace = o.RefreshTokenLifetime), "Auth__RefreshReuseGrace");

    [Fact]
    public void Validate_ZeroGraceAndZeroSkew_Succeeds() =>
        Assert.Empty(Failures(TestAuth.Options(o => { o.RefreshReuseGrace = TimeSpan.Zero; o.ClockSkew = TimeSpan.Zero; })));

    [Theory]
    [InlineData(-1)]
    [InlineData(301)]
    public void Validate_ClockSkewOutOfRange_FailsNamingSkew(int seconds) =>
        AssertFailsNaming(TestAuth.Options(o => o.ClockSkew = TimeSpan.FromSeconds(seconds)), "Auth__ClockSkew");

    [Fact]
    public void Validate_ClockSkewFiveMinutes_Succeeds() =>
        Assert.Empty(Failures(TestAuth.Options(o => o.ClockSkew = TimeSpan.FromMinutes(5))));

    [Fact]
    public void Validate_ZeroLockoutDuration_FailsNamingDuration() =>
        AssertFailsNaming(TestAuth.Options(o => o.Lockout.Duration = TimeSpan.Zero), "Auth__Lockout__Duration");

    [Fact]
    public void Validate_ZeroMaxFailedAttempts_FailsNamingNestedSetting() =>
        AssertFailsNaming(TestAuth.Options(o => o.Lockout.MaxFailedAttempts = 0), "Auth__Lockout__MaxFailedAttempts");

    [Theory]
    [InlineData("")]
    [InlineData("auth cookie")]
    [InlineData("auth;cookie")]
    [InlineData("auth=cookie")]
    [InlineData("auth\"cookie")]
    [InlineData("auth,cookie")]
    public void Validate_InvalidAccessCookieName_FailsNamingSetting(string name) =>
        AssertFailsNaming(TestAuth.Options(o => o.Cookies.AccessName = name), "Auth__Cookies__AccessName");

    [Fact]
    public void Validate_HostPrefixedCookieNames_Succeeds() =>
        Assert.Empty(Failures(TestAuth.Options(o =>
        {
            o.Cookies.AccessName = "__Host-x";
            o.Cookies.AccessPath = "/";
            o.Cookies.RefreshName = "__Secure-refresh";
        })));

    [Fact]
    public void Validate_HostPrefixWithScopedPath_FailsNamingThePathSetting() =>
        AssertFailsNaming(TestAuth.Options(o => o.Cookies.AccessName = "__Host-access"), "Auth__Cookies__AccessPath=/");

    [Theory]
    [InlineData("__Host-refresh")]
    [InlineData("__Secure-refresh")]
    public void Validate_PrefixedNameWithoutSecure_FailsNamingSecure(string name) =>
        AssertFailsNaming(TestAuth.Options(o =>
        {
            o.Cookies.RefreshName = name;
            o.Cookies.RefreshPath = "/";
            o.Cookies.Secure = false;
        }), "Auth__Cookies__Secure=true");

    [Fact]
    public void Validate_SecurePrefixWithSameSiteNone_SucceedsBecauseNoneForcesSecure() =>
        Assert.Empty(Failures(TestAuth.Options(o =>
        {
            o.Cookies.RefreshName = "__Secure-refresh";
            o.Cookies.Secure = false;
            o.Cookies.SameSite = CookieSameSite.None;
        })));

    [Fact]
    public void Validate_SameNameForBothCookies_FailsNamingRefreshName() =>
        AssertFailsNaming(TestAuth.Options(o => o.Cookies.RefreshName = o.Cookies.AccessName), "Auth__Cookies__RefreshName");

    [Theory]
    [InlineData("api")]
    [InlineData("")]
    [InlineData("/api;x")]
    public void Validate_CookiePathNotStartingWithSlash_FailsNamingSetting(string path) =>
        AssertFailsNaming(TestAuth.Options(o => o.Cookies.RefreshPath = path), "Auth__Cookies__RefreshPath");

    [Theory]
    [InlineData("https://app.example.com/")]
    [InlineData("https://app.example.com/path")]
    [InlineData("ftp://app.example.com")]
    [InlineData("app.example.com")]
    [InlineData("https://user@app.example.com")]
    [InlineData("https://app.example.com?x=1")]
    public void Validate_InvalidAllowedOrigin_FailsNamingIndex(string origin) =>
        AssertFailsNaming(TestAuth.Options(o => o.AllowedOrigins = ["https://ok.example.com", origin]), "Auth__AllowedOrigins__1");

    [Fact]
    public void Validate_ReuseGraceOneSecondOverAMinute_FailsNamingIt() =>
        AssertFailsNaming(TestAuth.Options(o => o.RefreshReuseGrace = TimeSpan.FromSeconds(61)), "Auth__RefreshReuseGrace");

    [Fact]
    public void Validate_ReuseGraceOfExactlyAMinute_Succeeds() =>
        Assert.Empty(Failures(TestAuth.Options(o => o.RefreshReuseGrace = TimeSpan.FromSeconds(60))));

    [Theory]
    [InlineData("https://api.example.com/")]
    [InlineData("ftp://api.example.com")]
    [InlineData("api.example.com")]
    public void Validate_PublicOriginNotAnOrigin_FailsNamingIt(string origin) =>
        AssertFailsNaming(TestAuth.Options(o => o.PublicOrigins = [origin]), "Auth__PublicOrigins__0");

    [Fact]
    public void Validate_Es256WithAKeyAndAPublicOrigin_Succeeds() =>
        Assert.Empty(Failures(TestAuth.Es256Options("k1", "k2")));

    [Fact]
    public void Validate_Es256WithoutKeys_FailsNamingTheSetting()
    {
        var options = TestAuth.Es256Options();
        options.EcdsaKeys = [];

        AssertFailsNaming(options, "Auth__EcdsaKeys__0__PrivateKey");
    }

    [Fact]
    public void Validate_Es256KeyThatIsNotP256_FailsNamingItWithoutEchoingIt()
    {
        var p384 = TestAuth.NewEcdsaPem(System.Security.Cryptography.ECCurve.NamedCurves.nistP384);
        var options = TestAuth.Es256Options("k1");
        options.EcdsaKeys[0].PrivateKey = p384;

        var failures = Failures(options).ToList();

        Assert.Contains(failures, f => f.StartsWith("Auth__EcdsaKeys__0__PrivateKey ", StringComparison.Ordinal));
        Assert.DoesNotContain(failures, f => f.Contains("BEGIN", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_Es256DuplicateIds_FailsNamingTheSecond()
    {
        var options = TestAuth.Es256Options("same", "same");

        AssertFailsNaming(options, "Auth__EcdsaKeys__1__Id");
    }

    [Fact]
    public void Validate_Es256WithoutPublicOrigin_FailsBecauseTheJwksUrlIsAbsolute()
    {
        var options = TestAuth.Es256Options();
        options.PublicOrigins = [];

        AssertFailsNaming(options, "Auth__PublicOrigins__0");
    }

    [Fact]
    public void Validate_AllowedOriginsWithPort_Succeeds() =>
        Assert.Empty(Failures(TestAuth.Options(o => o.AllowedOrigins = ["https://app.example.com", "http://localhost:5173"])));

    [Theory]
    [InlineData(nameof(AuthOptions.AccessTokenLifetime), "00:00:00", false)]
    [InlineData(nameof(AuthOptions.AccessTokenLifetime), "00:00:01", true)]
    [InlineData(nameof(AuthOptions.AccessTokenLifetime), "1.00:00:00", true)]
    [InlineData(nameof(AuthOptions.AccessTokenLifetime), "1.00:00:01", false)]
    [InlineData(nameof(AuthOptions.RefreshTokenLifetime), "00:00:00", false)]
    [InlineData(nameof(AuthOptions.RefreshTokenLifetime), "00:00:01", true)]
    [InlineData(nameof(AuthOptions.RefreshTokenLifetime), "365.00:00:00", true)]
    [InlineData(nameof(AuthOptions.RefreshTokenLifetime), "365.00:00:01", false)]
    [InlineData(nameof(AuthOptions.SessionLifetime), "00:00:00", false)]
    [InlineData(nameof(AuthOptions.SessionLifetime), "00:00:01", true)]
    [InlineData(nameof(AuthOptions.SessionLifetime), "365.00:00:00", true)]
    [InlineData(nameof(AuthOptions.SessionLifetime), "365.00:00:01", false)]
    [InlineData(nameof(AuthOptions.RefreshReuseGrace), "-00:00:01", false)]
    [InlineData(nameof(AuthOptions.RefreshReuseGrace), "00:00:00", true)]
    [InlineData(nameof(AuthOptions.RefreshReuseGrace), "00:01:00", true)]
    [InlineData(nameof(AuthOptions.RefreshReuseGrace), "00:01:01", false)]
    [InlineData(nameof(AuthOptions.ClockSkew), "-00:00:01", false)]
    [InlineData(nameof(AuthOptions.ClockSkew), "00:00:00", true)]
    [InlineData(nameof(AuthOptions.ClockSkew), "00:05:00", true)]
    [InlineData(nameof(AuthOptions.ClockSkew), "00:05:01", false)]
    public void Validate_DurationAroundItsLimits_RangeFailureNamesTheSetting(string property, string value, bool valid)
    {
        var options = TestAuth.Options();
        typeof(AuthOptions).GetProperty(property)!.SetValue(options, TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture));

        var rangeFailures = Failures(options).Where(f => f.Contains($"Auth__{property} must be between ", StringComparison.Ordinal));

        Assert.Equal(valid, !rangeFailures.Any());
    }

    [Theory]
    [InlineData("00:00:00", false)]
    [InlineData("00:00:01", true)]
    [InlineData("30.00:00:00", true)]
    [InlineData("30.00:00:01", false)]
    public void Validate_LockoutDurationAroundItsLimits_NamesTheNestedSetting(string value, bool valid)
    {
        var failures = Failures(TestAuth.Options(o => o.Lockout.Duration = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(valid, !failures.Any(f => f.Contains("Auth__Lockout__Duration must be between 00:00:01 and 30.00:00:00", StringComparison.Ordinal)));
    }

    [Fact]
    public void Validate_ClockSkewOverFiveMinutes_MessageGivesTheRange() =>
        Assert.Contains(Failures(TestAuth.Options(o => o.ClockSkew = TimeSpan.FromSeconds(301))),
            f => f.EndsWith("Auth__ClockSkew must be between 00:00:00 and 00:05:00", StringComparison.Ordinal));

    [Fact]
    public void Validate_AccessLifetimeOneSecondShorterThanRefresh_Succeeds() =>
        Assert.Empty(Failures(TestAuth.Options(o => o.AccessTokenLifetime = o.RefreshTokenLifetime - TimeSpan.FromSeconds(1))));

    [Fact]
    public void Validate_GraceOneSecondShorterThanRefreshLifetime_Succeeds() =>
        Assert.Empty(Failures(TestAuth.Options(o =>
        {
            o.RefreshTokenLifetime = TimeSpan.FromSeconds(31);
            o.AccessTokenLifetime = TimeSpan.FromSeconds(10);
            o.RefreshReuseGrace = TimeSpan.FromSeconds(30);
        })));

    [Fact]
    public void Validate_UndefinedSigningAlgorithm_FailsNamingIt() =>
        AssertFailsNaming(TestAuth.Options(o => o.SigningAlgorithm = (SigningAlgorithm)7), "Auth__SigningAlgorithm must be HS256 or ES256");

    [Fact]
    public void Validate_UndefinedSameSite_FailsNamingIt() =>
        AssertFailsNaming(TestAuth.Options(o => o.Cookies.SameSite = (CookieSameSite)7), "Auth__Cookies__SameSite must be Strict, Lax or None");

    [Fact]
    public void Validate_EmptyIssuer_FailsNamingIt() =>
        AssertFailsNaming(TestAuth.Options(o => o.Issuer = ""), "Auth__Issuer is required");

    [Fact]
    public void Validate_MissingCookies_FailsNamingTheSection() =>
        AssertFailsNaming(TestAuth.Options(o => o.Cookies = null!), "Auth__Cookies is required");

    [Fact]
    public void Validate_Es256KeyWithoutPrivateKey_FailsNamingItsIndex()
    {
        var options = TestAuth.Es256Options("k1", "k2");
        options.EcdsaKeys[1].PrivateKey = "";

        AssertFailsNaming(options, "Auth__EcdsaKeys__1__PrivateKey");
    }
}
