namespace FuncAuth.Storage;

/// <summary>One page of the clean-up scan, in (PartitionKey, RowKey) order.</summary>
/// <param name="Rows">Rows the filter matched and that could be read.</param>
/// <param name="Unreadable">For each matched row that could not be read, the name of the offending property.</param>
/// <param name="ContinuationToken">Where the next page starts; null when this page ended the scan.</param>
public sealed record SessionSweepPage(
    IReadOnlyList<SessionExpiryRow> Rows,
    IReadOnlyList<string> Unreadable,
    string? ContinuationToken);
