using System.Net;
using FuncAuth.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace FuncAuth.Sessions;

/// <summary><c>POST /api/auth/login</c>: checks the password and starts a session.</summary>
public sealed class LoginFunction(LoginService login, IssuedTokensResponses responses)
{
    /// <summary>One body for unknown email and wrong password alike.</summary>
    public const string InvalidCredentialsDetail = "The email or password is incorrect.";

    /// <summary>200 with cookies (or tokens); 401 for bad credentials; 429 with Retry-After while locked.</summary>
    [Function("Login")]
    public async Task<HttpResponseData> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HttpNames.Routes.Login)] HttpRequestData request,
        FunctionContext context)
    {
        if (!ResponseModes.TryRead(request, out var mode, out var invalidMode))
        {
            return invalidMode;
        }

        var body = await JsonBodyReader.ReadAsync(request, SessionsJsonContext.Default.LoginRequest, context.CancellationToken);
        if (!body.IsSuccess)
        {
            return ProblemResponses.Create(request, body.ErrorStatus, body.ErrorDetail);
        }

        var input = body.Value;
        if (string.IsNullOrWhiteSpace(input.Email) || string.IsNullOrEmpty(input.Password))
        {
            return ProblemResponses.Create(request, HttpStatusCode.BadRequest, "Email and password are required.");
        }

        // Over-long input cannot match a stored account; refuse before hashing megabytes of nonsense.
        if (input.Email.Length > Users.EmailAddress.MaxLength || input.Password.Length > Users.CredentialRules.MaxPasswordLength)
        {
            return ProblemResponses.Unauthorized(request, InvalidCredentialsDetail);
        }

        var result = await login.LoginAsync(input.Email, input.Password, context.CancellationToken);
        return result switch
        {
            LoginResult.Success success => responses.Create(request, success.Tokens, mode),
            LoginResult.LockedOut locked => ProblemResponses.WithRetryAfter(
                request, HttpStatusCode.TooManyRequests, "Too many sign-in attempts; the account is locked for now.", locked.RetryAfter),
            _ => ProblemResponses.Unauthorized(request, InvalidCredentialsDetail),
        };
    }
}
