using FuncAuth.TestSupport.Functions;
using FuncAuth.TestSupport.OpenApi;
using Microsoft.OpenApi;

namespace FuncAuth.IntegrationTests.OpenApi;

/// <summary>A function host whose served OpenAPI document is read once, and helpers to send requests checked against it.</summary>
public abstract class OpenApiFunctionTestBase : FunctionTestBase
{
    protected OpenApiDocument Document { get; private set; } = null!;

    protected IReadOnlyList<DocumentedOperation> Operations => OpenApiDocuments.Operations(Document);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var served = await Host.SendAsync(TestRequest.Get("/api/openapi.json"));
        Document = OpenApiDocuments.ParseClean(((MemoryStream)served.Body).ToArray());
    }

    protected DocumentedOperation Operation(string operationId) => OpenApiDocuments.Operation(Document, operationId);

    /// <summary>A request to the operation's route (under the <c>/api</c> server) with its method and no body.</summary>
    protected static TestRequest RequestFor(DocumentedOperation operation, string query = "") =>
        new(operation.Method.Method, "/api" + operation.Path + query);

    /// <summary>Sends and asserts the answer is one the document describes for <paramref name="operation"/>.</summary>
    protected async Task<TestHttpResponseData> SendDocumentedAsync(DocumentedOperation operation, TestRequest request)
    {
        var response = await Host.SendAsync(request);
        ResponseConformance.AssertDocumented(operation, response);
        return response;
    }
}
