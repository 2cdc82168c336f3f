using FuncAuth.DevHost.Configuration;

namespace FuncAuth.DevHost.Http;

/// <summary>
/// Answers 413 to a declared body over <see cref="DevHostOptions.MaxRequestBodySize"/> from the Content-Length header
/// alone, before anything is read or allocated. Kestrel's MaxRequestBodySize (the same limit) guards what is actually read.
/// </summary>
internal sealed class RequestBodyLimit(RequestDelegate next, DevHostOptions options, ILogger<RequestBodyLimit> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength is not { } declared || declared <= options.MaxRequestBodySize)
        {
            return next(context);
        }

        logger.BodyTooLarge(declared, options.MaxRequestBodySize);
        return DevHostProblem.WriteAsync(
            context,
            StatusCodes.Status413RequestEntityTooLarge,
            $"The request body is {declared} bytes; this DevHost accepts at most {options.MaxRequestBodySize} " +
            $"(--max-request-body-size or {OptionReader.VariableName("max-request-body-size")}).");
    }
}
