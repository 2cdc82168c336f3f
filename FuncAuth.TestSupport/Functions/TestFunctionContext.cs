using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace FuncAuth.TestSupport.Functions;

/// <summary>A function invocation context carrying an HTTP request, as the worker builds one.</summary>
public sealed class TestFunctionContext : FunctionContext
{
    private readonly TestInvocationFeatures _features = new();

    public TestFunctionContext(IServiceProvider services, FunctionDefinition definition)
    {
        InstanceServices = services;
        FunctionDefinition = definition;
        Bindings = BindingsFeatureProxy.Install(_features);
    }

    /// <summary>Holds the invocation result the middleware may set.</summary>
    public BindingsFeatureProxy Bindings { get; }

    /// <summary>Makes <paramref name="request"/> what <c>GetHttpRequestDataAsync</c> returns.</summary>
    public void SetRequest(HttpRequestData request) => _features.Set<IHttpRequestDataFeature>(new RequestFeature(request));

    public override string InvocationId { get; } = Guid.NewGuid().ToString();
    public override string FunctionId => FunctionDefinition.Id;
    public override TraceContext TraceContext => null!;
    public override BindingContext BindingContext => null!;
    public override RetryContext RetryContext => null!;
    public override IServiceProvider InstanceServices { get; set; }
    public override FunctionDefinition FunctionDefinition { get; }
    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();
    public override IInvocationFeatures Features => _features;

    private sealed class RequestFeature(HttpRequestData request) : IHttpRequestDataFeature
    {
        public ValueTask<HttpRequestData?> GetHttpRequestDataAsync(FunctionContext context) => ValueTask.FromResult<HttpRequestData?>(request);
    }
}
