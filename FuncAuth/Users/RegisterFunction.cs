using System.Net;
using FuncAuth.Http;
using FuncAuth.Passwords;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace FuncAuth.Users;

/// <summary><c>POST /api/auth/register</c>: creates an account.</summary>
public sealed class RegisterFunction(RegistrationService registration, PasswordPolicy passwords)
{
    /// <summary>201 with the new user; 400 for invalid input; 409 when the email is taken.</summary>
    [Function("Register")]
    public async Task<HttpResponseData> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HttpNames.Routes.Register)] HttpRequestData request,
        FunctionContext context)
    {
        var body = await JsonBodyReader.ReadAsync(request, UsersJsonContext.Default.RegisterRequest, context.CancellationToken);
        if (!body.IsSuccess)
        {
            return ProblemResponses.Create(request, body.ErrorStatus, body.ErrorDetail);
        }

        var input = body.Value;
        var errors = RegisterRequestValidator.Validate(input, passwords);
        if (errors.Count > 0)
        {
            return ProblemResponses.Create(request, HttpStatusCode.BadRequest, "The registration is invalid.", errors);
        }

        var result = await registration.RegisterAsync(input.Email!.Trim(), input.Password!, input.DisplayName?.Trim(), context.CancellationToken);
        return result switch
        {
            RegisterResult.Created created => JsonResponses.Create(
                request,
                HttpStatusCode.Created,
                new UserResponse(created.UserId, created.Email, created.DisplayName),
                UsersJsonContext.Default.UserResponse),
            _ => ProblemResponses.Create(request, HttpStatusCode.Conflict, "An account with this email already exists."),
        };
    }
}
