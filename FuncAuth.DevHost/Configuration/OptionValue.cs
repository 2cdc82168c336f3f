namespace FuncAuth.DevHost.Configuration;

/// <summary>One option's raw text and where it came from (<c>--port</c>, <c>DEVHOST_PORT</c>, local.settings.json), so a message can say what to fix.</summary>
public sealed record OptionValue(string Text, string Source);
