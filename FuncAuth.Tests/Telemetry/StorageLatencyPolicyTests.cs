using System.Net;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using FuncAuth.Telemetry;
using FuncAuth.TestSupport.Auth;
using FuncAuth.TestSupport.Metrics;
using Microsoft.Extensions.Time.Testing;

namespace FuncAuth.Tests.Telemetry;

public sealed class StorageLatencyPolicyTests : IDisposable
{
    private readonly TestMeterFactory _factory = new();
    private readonly MetricRecorder _recorder = new();
    private readonly FakeTimeProvider _clock = TestAuth.Clock();

    public void Dispose()
    {
        _recorder.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task ProcessAsync_ResponseAfter25Milliseconds_OneSampleOf25MillisecondsWithStatus()
    {
        var pipeline = Pipeline(_ =>
        {
            _clock.Advance(TimeSpan.FromMilliseconds(25));
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        });

        await Send(pipeline, RequestMethod.Put, "https://a.table.core.windows.net/sessions(PartitionKey='u',RowKey='s')");

        var sample = Assert.Single(_recorder.Of(_factory, TelemetryNames.StorageDuration));
        Assert.Equal(0.025, sample.Value, 6);
        Assert.Equal("db.operation.name=replace_entity,http.request.method=PUT,http.response.status_code=204", sample.TagText);
    }

    [Fact]
    public async Task ProcessAsync_OneRetry_EachAttemptTimedOnItsOwn()
    {
        var attempts = 0;
        var pipeline = Pipeline(_ =>
        {
            _clock.Advance(TimeSpan.FromMilliseconds(++attempts * 10));
            return new HttpResponseMessage(attempts == 1 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK);
        }, maxRetries: 1);

        await Send(pipeline, RequestMethod.Get, "https://a.table.core.windows.net/users(PartitionKey='h',RowKey='user')");

        var samples = _recorder.Of(_factory, TelemetryNames.StorageDuration);
        Assert.Equal([(0.010, 503), (0.020, 200)], samples.Select(s => (Math.Round(s.Value, 6), (int)s.Tags[TelemetryNames.HttpStatusCode]!)));
    }

    [Fact]
    public async Task ProcessAsync_NetworkFailure_SampleWithErrorTypeAndNoStatus()
    {
        var pipeline = Pipeline(_ =>
        {
            _clock.Advance(TimeSpan.FromMilliseconds(5));
            throw new HttpRequestException("connection refused");
        });

        await Assert.ThrowsAsync<RequestFailedException>(() =>
            Send(pipeline, RequestMethod.Post, "https://a.table.core.windows.net/$batch"));

        var sample = Assert.Single(_recorder.Of(_factory, TelemetryNames.StorageDuration));
        Assert.Equal(0.005, sample.Value, 6);
        Assert.False(sample.Tags.ContainsKey(TelemetryNames.HttpStatusCode));
        Assert.Equal(("POST", "batch"), ((string)sample.Tags[TelemetryNames.HttpMethod]!, (string)sample.Tags[TelemetryNames.DbOperation]!));
        Assert.Contains("Exception", (string)sample.Tags[TelemetryNames.ErrorType]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessAsync_Always_NoTagCarriesTheUrlOrItsKeys()
    {
        var pipeline = Pipeline(_ => new HttpResponseMessage(HttpStatusCode.OK));

        await Send(pipeline, RequestMethod.Get, "https://a.table.core.windows.net/users(PartitionKey='489c9d3afa63',RowKey='user')?$select=PasswordHash");

        var sample = Assert.Single(_recorder.Of(_factory, TelemetryNames.StorageDuration));
        Assert.DoesNotContain("489c9d3afa63", sample.TagText, StringComparison.Ordinal);
        Assert.DoesNotContain("table.core.windows.net", sample.TagText, StringComparison.Ordinal);
    }

    private HttpPipeline Pipeline(Func<HttpRequestMessage, HttpResponseMessage> answer, int maxRetries = 0)
    {
        var options = new TestClientOptions { Transport = new HttpClientTransport(new HttpClient(new Answering(answer))) };
        options.Retry.MaxRetries = maxRetries;
        options.Retry.Delay = TimeSpan.Zero;
        options.Retry.Mode = RetryMode.Fixed;
        options.AddPolicy(new StorageLatencyPolicy(TestMetrics.Create(_factory), _clock), HttpPipelinePosition.PerRetry);
        return HttpPipelineBuilder.Build(options);
    }

    private static async Task Send(HttpPipeline pipeline, RequestMethod method, string uri)
    {
        using var message = pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(new Uri(uri));
        await pipeline.SendAsync(message, CancellationToken.None);
    }

    private sealed class TestClientOptions : ClientOptions;

    private sealed class Answering(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(answer(request));
    }
}
