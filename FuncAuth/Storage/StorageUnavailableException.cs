namespace FuncAuth.Storage;

/// <summary>Table Storage could not be reached or answered with a server error; callers answer 503.</summary>
public sealed class StorageUnavailableException(string message, Exception? innerException = null)
    : Exception(message, innerException);
