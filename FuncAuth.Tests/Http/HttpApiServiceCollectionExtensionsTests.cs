using FuncAuth.Http;
using FuncAuth.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FuncAuth.Tests.Http;

public sealed class HttpApiServiceCollectionExtensionsTests
{
    [Theory]
    [InlineData(typeof(AuthCookies))]
    [InlineData(typeof(RequestOriginPolicy))]
    [InlineData(typeof(ProtectedFunctions))]
    [InlineData(typeof(IssuedTokensResponses))]
    public void AddHttpApi_EmptyBuilder_RegistersSharedPieceAsSingleton(Type type)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());

        Assert.Same(builder, builder.AddHttpApi());

        var descriptor = Assert.Single(builder.Services, d => d.ServiceType == type);
        Assert.Equal(ServiceLifetime.Singleton, descriptor.Lifetime);
    }

    [Fact]
    public void AddHttpApi_EmptyBuilder_RegistersTheWarmUpAsHostedService()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());

        builder.AddHttpApi();

        Assert.Single(builder.Services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(FirstRequestWarmUp));
    }
}
