using System.Diagnostics;
using FuncAuth.Telemetry;

namespace FuncAuth.Tests.Telemetry;

public sealed class StorageSpanRedactorTests
{
    [Theory]
    [InlineData("https://a.table.core.windows.net/users(PartitionKey='489c9d3a',RowKey='user')?$format=REDACTED", "https://a.table.core.windows.net/users(…)")]
    [InlineData("http://127.0.0.1:10002/devstoreaccount1/sessions()?$filter=REDACTED", "http://127.0.0.1:10002/devstoreaccount1/sessions()")]
    [InlineData("http://127.0.0.1:10002/devstoreaccount1/$batch", "http://127.0.0.1:10002/devstoreaccount1/$batch")]
    [InlineData("https://a.table.core.windows.net/Tables('users')", "https://a.table.core.windows.net/Tables(…)")]
    public void Redact_TableUrl_KeysAndQueryRemoved(string url, string expected)
    {
        Assert.Equal(expected, StorageSpanRedactor.Redact(url));
    }

    [Fact]
    public void OnEnd_AzureSdkSpan_UrlTagsRedactedOtherTagsKept()
    {
        using var source = new ActivitySource("Azure.FuncAuthTests.Redaction");
        using var listener = Listen(source.Name);
        using var activity = source.StartActivity("Azure.Core.Http.Request")!;
        activity.SetTag("url.full", "https://a.table.core.windows.net/users(PartitionKey='secret-hash',RowKey='user')?$format=REDACTED");
        activity.SetTag("http.url", "https://a.table.core.windows.net/users(PartitionKey='secret-hash',RowKey='user')");
        activity.SetTag("http.response.status_code", 200);

        new StorageSpanRedactor().OnEnd(activity);

        Assert.Equal("https://a.table.core.windows.net/users(…)", activity.GetTagItem("url.full"));
        Assert.Equal("https://a.table.core.windows.net/users(…)", activity.GetTagItem("http.url"));
        Assert.Equal(200, activity.GetTagItem("http.response.status_code"));
    }

    [Fact]
    public void OnEnd_SpanOfAnotherSource_Untouched()
    {
        using var source = new ActivitySource("FuncAuth.Tests.NotAzure");
        using var listener = Listen(source.Name);
        using var activity = source.StartActivity("call")!;
        activity.SetTag("url.full", "https://example.test/users(PartitionKey='x')");

        new StorageSpanRedactor().OnEnd(activity);

        Assert.Equal("https://example.test/users(PartitionKey='x')", activity.GetTagItem("url.full"));
    }

    private static ActivityListener Listen(string sourceName)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == sourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
