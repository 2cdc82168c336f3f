namespace FuncAuth.DevHost.Configuration;

/// <summary>A problem with the DevHost's input (paths, ports, settings files) that is reported without a stack trace.</summary>
public sealed class DevHostConfigurationException(string message) : Exception(message);
