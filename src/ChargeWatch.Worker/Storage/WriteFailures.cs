namespace ChargeWatch.Worker.Storage;

public enum WriteFailureKind
{
    /// <summary>Worth retrying later: InfluxDB down, overloaded or throttling. The batch is spooled.</summary>
    Transient,
    /// <summary>InfluxDB refuses the content itself: retrying cannot help. The batch is set aside.</summary>
    Poison,
}

/// <summary>The failure policy of the writer, in one place.</summary>
public static class WriteFailures
{
    /// <summary>
    /// No answer (0), 408 Request Timeout, 429 Too Many Requests and every 5xx are transient;
    /// the other 4xx (bad line protocol, unknown database, unauthorised) are poison.
    /// </summary>
    public static WriteFailureKind Classify(int statusCode) => statusCode switch
    {
        0 or 408 or 429 => WriteFailureKind.Transient,
        >= 500 => WriteFailureKind.Transient,
        >= 400 => WriteFailureKind.Poison,
        _ => WriteFailureKind.Transient,
    };

    public static bool IsTransient(Exception exception) =>
        exception is InfluxWriteException { Kind: WriteFailureKind.Transient };
}
