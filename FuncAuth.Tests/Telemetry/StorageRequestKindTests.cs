using FuncAuth.Telemetry;

namespace FuncAuth.Tests.Telemetry;

public sealed class StorageRequestKindTests
{
    [Theory]
    [InlineData("GET", "/devstoreaccount1/users(PartitionKey='489c9d3a',RowKey='user')", "GET", "get_entity")]
    [InlineData("PUT", "/users(PartitionKey='489c9d3a',RowKey='user')", "PUT", "replace_entity")]
    [InlineData("PATCH", "/sessions(PartitionKey='u',RowKey='s')", "PATCH", "merge_entity")]
    [InlineData("MERGE", "/sessions(PartitionKey='u',RowKey='s')", "MERGE", "merge_entity")]
    [InlineData("DELETE", "/sessions(PartitionKey='u',RowKey='s')", "DELETE", "delete_entity")]
    [InlineData("GET", "/devstoreaccount1/sessions()", "GET", "query_entities")]
    [InlineData("POST", "/devstoreaccount1/sessions", "POST", "insert_entity")]
    [InlineData("POST", "/devstoreaccount1/$batch", "POST", "batch")]
    [InlineData("POST", "/devstoreaccount1/Tables", "POST", "create_table")]
    [InlineData("GET", "/Tables", "GET", "query_tables")]
    [InlineData("DELETE", "/Tables('users')", "DELETE", "delete_table")]
    [InlineData("get", "/users(PartitionKey='a',RowKey='b')", "GET", "get_entity")]
    [InlineData("TRACE", "/users", "_OTHER", "other")]
    public void Of_TableRestRequest_MethodAndCoarseOperation(string method, string path, string expectedMethod, string expectedOperation)
    {
        var kind = StorageRequestKind.Of(method, path);

        Assert.Equal((expectedMethod, expectedOperation), (kind.Method, kind.Operation));
    }

    [Fact]
    public void Of_KeysInThePath_NeitherTagCarriesThem()
    {
        var kind = StorageRequestKind.Of("GET", "/users(PartitionKey='489c9d3afa63ef5f',RowKey='user')");

        Assert.DoesNotContain("489c9d3afa63ef5f", kind.Method + kind.Operation, StringComparison.Ordinal);
    }
}
