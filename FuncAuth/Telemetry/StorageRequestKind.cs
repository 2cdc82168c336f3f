using Azure.Core;

namespace FuncAuth.Telemetry;

/// <summary>
/// A Table Storage request reduced to its method and a coarse operation name, for metric tags. The URL itself never
/// leaves this type: entity paths carry partition and row keys (user ids, hashes of emails).
/// </summary>
public readonly record struct StorageRequestKind(string Method, string Operation)
{
    private static readonly string[] KnownMethods = ["GET", "POST", "PUT", "PATCH", "MERGE", "DELETE", "HEAD"];

    /// <summary>Classifies <paramref name="request"/> from its method and the last segment of its path.</summary>
    public static StorageRequestKind Of(Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Of(request.Method.Method, request.Uri.Path);
    }

    /// <summary>Classifies a Table REST request: <c>/Tables</c>, <c>/$batch</c>, <c>/t(PartitionKey='…',RowKey='…')</c>, <c>/t()</c>, <c>/t</c>.</summary>
    internal static StorageRequestKind Of(string method, string path)
    {
        var verb = Array.Find(KnownMethods, m => string.Equals(m, method, StringComparison.OrdinalIgnoreCase)) ?? "_OTHER";
        var segment = path.TrimEnd('/');
        segment = segment[(segment.LastIndexOf('/') + 1)..];
        return new StorageRequestKind(verb, OperationOf(verb, segment));
    }

    private static string OperationOf(string verb, string segment)
    {
        if (segment == "$batch")
        {
            return verb == "POST" ? "batch" : "other";
        }

        if (segment == "Tables" || segment.StartsWith("Tables(", StringComparison.Ordinal))
        {
            return verb switch { "POST" => "create_table", "GET" => "query_tables", "DELETE" => "delete_table", _ => "other" };
        }

        var open = segment.IndexOf('(');
        var addressesEntity = open > 0 && segment.Length > open + 2;
        if (addressesEntity)
        {
            return verb switch
            {
                "GET" => "get_entity",
                "PUT" => "replace_entity",
                "PATCH" or "MERGE" => "merge_entity",
                "DELETE" => "delete_entity",
                _ => "other",
            };
        }

        return verb switch { "GET" => "query_entities", "POST" => "insert_entity", _ => "other" };
    }
}
