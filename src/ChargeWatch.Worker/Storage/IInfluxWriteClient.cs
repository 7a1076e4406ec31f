namespace ChargeWatch.Worker.Storage;

/// <summary>
/// Writes one batch of line protocol (UTF-8, precision ms). Throws <see cref="InfluxWriteException"/> for
/// every failure, with the HTTP status (0 for no answer); retrying is the caller's business.
/// </summary>
public interface IInfluxWriteClient
{
    Task WriteAsync(ReadOnlyMemory<byte> lineProtocol, CancellationToken ct);
}
