namespace FuncAuth.Telemetry;

/// <summary>Where the password hashing gate refused a request.</summary>
public enum HashingRejection
{
    /// <summary>At admission: K + Q tickets were already out.</summary>
    AdmissionFull,

    /// <summary>Admitted, but no hashing slot freed up within the queue timeout.</summary>
    QueueTimeout,
}
