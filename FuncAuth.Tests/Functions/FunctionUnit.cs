using FuncAuth.Auth;
using FuncAuth.Http;
using FuncAuth.Passwords;
using FuncAuth.Sessions;
using FuncAuth.Tests.Fakes;
using FuncAuth.Tests.Http;
using FuncAuth.TestSupport.Auth;
using FuncAuth.TestSupport.Functions;
using FuncAuth.TestSupport.Metrics;
using FuncAuth.Tokens;
using FuncAuth.Users;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace FuncAuth.Tests.Functions;

/// <summary>
/// The functions of Sessions and Users over in-memory stores, called directly (no middleware): what each answers for
/// each outcome of its service. The middleware and real storage are FuncAuth.IntegrationTests' business.
/// </summary>
internal sealed class FunctionUnit
{
    public const string UserId = "0123456789abcdef0123456789abcdef";
    public const string Email = "alice@example.com";
    public const string Password = "correct horse battery staple";

    private static readonly PasswordService SharedPasswords = TestPasswords.Service();
    private static readonly string PasswordHash = SharedPasswords.HashAsync(Password).GetAwaiter().GetResult();

    public FunctionUnit()
    {
        var options = MsOptions.Create(Options);
        AccessTokens = TestAuth.AccessTokens(Options, Clock);
        RefreshTokens = TestAuth.RefreshTokens(Options);
        Cookies = new AuthCookies(options, Clock);
        Responses = new IssuedTokensResponses(Cookies, Clock);
        Login = new LoginService(
            Users, Sessions, SharedPasswords, AccessTokens, RefreshTokens, options, Clock, NullLogger<LoginService>.Instance, TestMetrics.Create());
        SessionService = new SessionService(
            Sessions, RefreshTokens, AccessTokens, options, Clock, NullLogger<SessionService>.Instance, TestMetrics.Create());
    }

    public AuthOptions Options { get; } = TestAuth.Options();
    public FakeTimeProvider Clock { get; } = TestAuth.Clock();
    public FakeUserStore Users { get; } = new();
    public FakeSessionStore Sessions { get; } = new();
    public AccessTokenService AccessTokens { get; }
    public RefreshTokenCodec RefreshTokens { get; }
    public AuthCookies Cookies { get; }
    public IssuedTokensResponses Responses { get; }
    public LoginService Login { get; }
    public SessionService SessionService { get; }

    public static PasswordService Passwords => SharedPasswords;

    public UserRecord SeedAlice() => Users.Seed(new UserRecord(
        UserId, Email, EmailAddress.Normalize(Email), "Alice", PasswordHash, 0, null, TestAuth.Start.AddDays(-1), "registration-1"));

    /// <summary>A stored session of Alice and its current refresh token.</summary>
    public (SessionRecord Session, string RefreshToken) StartSession(string sessionId = "fedcba9876543210fedcba9876543210")
    {
        var session = Sessions.Put(SessionRotation.Start(UserId, sessionId, Email, "Alice", Clock.GetUtcNow(), Options));
        Sessions.ResetCounts();
        return (session, RefreshTokens.Issue(UserId, sessionId, session.Generation));
    }

    public static (TestFunctionContext Context, TestHttpRequestData Request) Post(
        string url, string? json = null, AuthenticatedUser? caller = null, params KeyValuePair<string, string>[] headers)
    {
        var context = HttpUnit.Context();
        if (caller is not null)
        {
            context.SetAuthenticatedUser(caller);
        }

        var all = json is null
            ? headers
            : [.. headers, HttpUnit.Header("Content-Type", "application/json"), HttpUnit.Header("Content-Length", System.Text.Encoding.UTF8.GetByteCount(json).ToString(System.Globalization.CultureInfo.InvariantCulture))];
        var request = HttpUnit.Request("POST", url, all, json, context);
        return (context, request);
    }
}
