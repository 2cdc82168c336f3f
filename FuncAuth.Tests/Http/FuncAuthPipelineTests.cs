using FuncAuth.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;

namespace FuncAuth.Tests.Http;

public sealed class FuncAuthPipelineTests
{
    private static readonly Type[] Order = [typeof(ExceptionMiddleware), typeof(CrossSiteRequestMiddleware), typeof(AuthenticationMiddleware)];

    [Fact]
    public void AddMiddleware_EmptyCollection_RegistersEachMiddlewareAsSingletonInOrder()
    {
        var services = new ServiceCollection();

        var returned = FuncAuthPipeline.AddMiddleware(services);

        Assert.Same(services, returned);
        Assert.Equal(Order, services.Select(d => d.ServiceType));
        Assert.All(services, d => Assert.Equal(ServiceLifetime.Singleton, d.Lifetime));
    }

    [Fact]
    public void AddMiddleware_Null_Throws() =>
        Assert.Throws<ArgumentNullException>(() => FuncAuthPipeline.AddMiddleware(null!));

    [Fact]
    public void UseFuncAuthPipeline_Null_Throws() =>
        Assert.Throws<ArgumentNullException>(() => FuncAuthPipeline.UseFuncAuthPipeline<IFunctionsWorkerApplicationBuilder>(null!));

    [Fact]
    public void UseFuncAuthPipeline_Builder_RegistersAndAddsOneStepPerMiddleware()
    {
        var builder = new RecordingBuilder();

        var returned = builder.UseFuncAuthPipeline();

        Assert.Same(builder, returned);
        Assert.Equal(Order, builder.Services.Select(d => d.ServiceType));
        Assert.Equal(Order.Length, builder.Steps.Count);
    }

    [Fact]
    public async Task UseFuncAuthPipeline_Step_ResolvesItsMiddlewareFromTheInvocationServices()
    {
        var builder = new RecordingBuilder();
        builder.UseFuncAuthPipeline();
        var context = HttpUnit.Context();
        var step = builder.Steps[0](_ => Task.CompletedTask);

        // The bare context's services hold no middleware: resolving it is what fails.
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => step(context));

        Assert.Contains(nameof(ExceptionMiddleware), error.Message, StringComparison.Ordinal);
    }

    private sealed class RecordingBuilder : IFunctionsWorkerApplicationBuilder
    {
        public IServiceCollection Services { get; } = new ServiceCollection();

        public List<Func<FunctionExecutionDelegate, FunctionExecutionDelegate>> Steps { get; } = [];

        public IFunctionsWorkerApplicationBuilder Use(Func<FunctionExecutionDelegate, FunctionExecutionDelegate> middleware)
        {
            Steps.Add(middleware);
            return this;
        }
    }
}
