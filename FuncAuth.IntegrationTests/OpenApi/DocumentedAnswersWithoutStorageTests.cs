using System.Net;
using System.Security.Cryptography;
using FuncAuth.Auth;
using FuncAuth.TestSupport.Functions;
using FuncAuth.TestSupport.OpenApi;
using FuncAuth.Tokens;
using Microsoft.Extensions.DependencyInjection;

namespace FuncAuth.IntegrationTests.OpenApi;

/// <summary>With storage unreachable, every operation that needs it answers the documented 503 with Retry-After.</summary>
public sealed class DocumentedAnswersWithoutStorageTests : OpenApiFunctionTestBase
{
    // Port 1 on loopback refuses connections: storage is down without waiting for timeouts.
    protected override void Configure(Dictionary<string, string?> settings) => settings["TableStorage"] =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;";

    [Fact]
    public async Task EveryOperationThatUsesStorageAnswersTheDocumented503WithRetryAfter()
    {
        // Genuine tokens for a session that storage would hold, minted with the host's own keys.
        var user = new AuthenticatedUser(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        var access = Host.Services.GetRequiredService<AccessTokenService>().Issue(user).Token;
        var refresh = Host.Services.GetRequiredService<RefreshTokenCodec>().Issue(user.UserId, user.SessionId, 0);
        var credentials = """{"email":"a@example.test","password":"correct horse battery staple"}""";
        var requests = new Dictionary<string, TestRequest>
        {
            ["Register"] = TestRequest.Post("/api/auth/register").WithJson(credentials),
            ["Login"] = TestRequest.Post("/api/auth/login").WithJson(credentials),
            ["RefreshTokens"] = TestRequest.Post("/api/auth/refresh-tokens").WithCookies(("refresh-cookie", refresh)),
            ["Logout"] = TestRequest.Post("/api/auth/logout").WithCookies(("refresh-cookie", refresh)),
            ["LogoutAll"] = TestRequest.Post("/api/auth/logout-all").WithBearer(access),
            ["Me"] = TestRequest.Get("/api/users/me").WithBearer(access),
            ["Health"] = TestRequest.Get("/api/health"),
        };

        Assert.Equal(
            Operations.Where(o => o.Statuses().Contains("503")).Select(o => o.Operation.OperationId!).Order(StringComparer.Ordinal),
            requests.Keys.Order(StringComparer.Ordinal));
        foreach (var (operationId, request) in requests)
        {
            var response = await SendDocumentedAsync(Operation(operationId), request);
            Assert.True(HttpStatusCode.ServiceUnavailable == response.StatusCode, $"{operationId}: {(int)response.StatusCode} {response.BodyText}");
        }
    }
}
