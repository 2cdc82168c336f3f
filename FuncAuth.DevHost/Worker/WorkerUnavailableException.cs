namespace FuncAuth.DevHost.Worker;

/// <summary>The worker stream is gone (the worker exited or never connected), so an invocation cannot complete.</summary>
public sealed class WorkerUnavailableException(string message) : Exception(message);
