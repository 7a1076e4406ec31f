namespace ChargeWatch.Worker.Storage;

/// <summary>
/// A write InfluxDB did not accept. <see cref="StatusCode"/> is the HTTP status, or 0 when no
/// answer came (connection refused, reset, timeout).
/// </summary>
public sealed class InfluxWriteException : Exception
{
    public InfluxWriteException(int statusCode, string message, Exception? inner = null)
        : base(message, inner)
    {
        StatusCode = statusCode;
    }

    public InfluxWriteException()
    {
    }

    public InfluxWriteException(string message) : base(message)
    {
    }

    public InfluxWriteException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public int StatusCode { get; }

    public WriteFailureKind Kind => WriteFailures.Classify(StatusCode);
}
