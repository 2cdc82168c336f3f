using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FuncAuth.EndToEndTests.Api;
using FuncAuth.TestSupport;

namespace FuncAuth.EndToEndTests.RestClient;

/// <summary>
/// FuncAuth.http at the repository root runs top to bottom: each request is sent in order, as a REST client sends
/// it (a cookie jar, no Origin header), with its <c>{{variables}}</c> filled from the file and from earlier named
/// responses, and must answer one of its <c># expect</c> statuses. Against the local DevHost, or whatever
/// <c>FUNCAUTH_BASE_URL</c> names (e.g. <c>http://localhost:7071</c> under scripts/run).
/// </summary>
[Collection(ApiServerCollection.Name)]
public sealed class HttpFileReplayTests(ApiServerFixture server)
{
    private static readonly HttpFile File = HttpFile.Parse(System.IO.File.ReadAllText(Path.Combine(RepositoryLayout.Root, "FuncAuth.http")));

    [Fact]
    public void TheHttpFileCoversRegisterBothLoginModesTheProtectedRoutesRefreshLogoutLogoutAllHealthAndTheDocument()
    {
        var routes = File.Requests.Select(r => $"{r.Method} {r.Url.Replace("{{baseUrl}}", string.Empty, StringComparison.Ordinal)}").ToList();

        Assert.Equal("http://localhost:7071", File.Variables["baseUrl"]);
        Assert.Equal("POST /api/auth/register", routes[0]);
        Assert.Contains("POST /api/auth/login", routes);
        Assert.Contains("POST /api/auth/login?useCookies=false", routes);
        Assert.Contains("GET /api/users/fav-movies", routes);
        Assert.Contains("GET /api/users/me", routes);
        Assert.Contains("POST /api/auth/refresh-tokens", routes);
        Assert.Contains("POST /api/auth/refresh-tokens?useCookies=false", routes);
        Assert.Contains("POST /api/auth/logout", routes);
        Assert.Contains("POST /api/auth/logout-all", routes);
        Assert.Contains("GET /api/health", routes);
        Assert.Contains("GET /api/openapi.json", routes);
        Assert.Contains(File.Requests, r => r.Headers.Any(h => h.Value.Contains("{{tokenLogin.response.body.$.accessToken}}", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TheHttpFileRunsTopToBottomAndAgainWithTheAccountAlreadyThere()
    {
        var variables = new Dictionary<string, string>(File.Variables, StringComparer.Ordinal)
        {
            ["baseUrl"] = server.BaseAddress.GetLeftPart(UriPartial.Authority),
            ["email"] = $"http-file-{Guid.NewGuid():N}@example.com",
        };

        var first = await ReplayAsync(variables);
        var second = await ReplayAsync(variables);

        Assert.Equal(201, first[0]);
        Assert.Equal(409, second[0]);
        Assert.Equal(first.Skip(1), second.Skip(1));
    }

    /// <summary>Sends every request in order with a fresh cookie jar; asserts each status; returns them.</summary>
    private static async Task<IReadOnlyList<int>> ReplayAsync(IReadOnlyDictionary<string, string> variables)
    {
        using var handler = new BrowserLikeCookieHandler(new BrowserLikeCookieJar())
        {
            InnerHandler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false },
        };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        var responses = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var statuses = new List<int>();
        foreach (var request in File.Requests)
        {
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), HttpFile.Substitute(request.Url, variables, responses));
            message.Options.Set(BrowserLikeCookieHandler.OmitOrigin, true);
            string? contentType = null;
            foreach (var (name, value) in request.Headers)
            {
                var text = HttpFile.Substitute(value, variables, responses);
                if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    contentType = text;
                }
                else
                {
                    message.Headers.TryAddWithoutValidation(name, text);
                }
            }

            if (request.Body is { } body)
            {
                message.Content = new StringContent(HttpFile.Substitute(body, variables, responses), Encoding.UTF8);
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType ?? "text/plain");
            }

            using var response = await client.SendAsync(message);
            var status = (int)response.StatusCode;
            var answer = await response.Content.ReadAsStringAsync();
            Assert.True(request.ExpectedStatuses.Contains(status), $"'{request.Title.Trim()}' answered {status}, expected {string.Join(" or ", request.ExpectedStatuses)}: {answer}");
            if (request.Name is { } responseName && answer.Length > 0)
            {
                responses[responseName] = JsonDocument.Parse(answer).RootElement.Clone();
            }

            statuses.Add(status);
        }

        return statuses;
    }
}
