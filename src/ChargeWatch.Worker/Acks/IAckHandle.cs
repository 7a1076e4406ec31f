namespace ChargeWatch.Worker.Acks;

/// <summary>Sends the PUBACK of one received message.</summary>
public interface IAckHandle
{
    ValueTask AcknowledgeAsync(CancellationToken ct);
}
