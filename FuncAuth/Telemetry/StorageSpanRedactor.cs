using System.Diagnostics;
using System.Text.RegularExpressions;
using OpenTelemetry;

namespace FuncAuth.Telemetry;

/// <summary>
/// Strips entity keys from the URLs on Azure SDK spans before they are exported. Table entity paths carry the
/// partition and row keys (<c>users(PartitionKey='&lt;sha-256 of the email&gt;',…)</c>, <c>sessions(PartitionKey='&lt;user
/// id&gt;',RowKey='&lt;session id&gt;')</c>) and queries carry them in <c>$filter</c>: the span keeps the account, the table
/// and the operation, not whose row it was. A hash of an email is still personal data (anyone with the email can
/// recompute it).
/// </summary>
public sealed partial class StorageSpanRedactor : BaseProcessor<Activity>
{
    /// <summary>URL tags Azure.Core sets (the current and the older OpenTelemetry convention).</summary>
    internal static readonly string[] UrlTags = ["url.full", "http.url"];

    /// <inheritdoc />
    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!data.Source.Name.StartsWith("Azure.", StringComparison.Ordinal))
        {
            return;
        }

        foreach (var tag in UrlTags)
        {
            if (data.GetTagItem(tag) is string url)
            {
                data.SetTag(tag, Redact(url));
            }
        }
    }

    /// <summary><c>https://a.table.core.windows.net/users(PartitionKey='x',RowKey='y')?$filter=…</c> → <c>https://a.table.core.windows.net/users(…)</c>.</summary>
    internal static string Redact(string url)
    {
        var withoutQuery = url.Split('?', 2)[0];
        return KeyPredicate().Replace(withoutQuery, "(…)");
    }

    // A parenthesised key predicate with something inside; "()" (a query) and "Tables" stay as they are.
    [GeneratedRegex("\\([^)]+\\)", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPredicate();
}
