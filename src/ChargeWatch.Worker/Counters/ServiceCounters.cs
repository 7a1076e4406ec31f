using ChargeWatch.Core.Parsing;

namespace ChargeWatch.Worker.Counters;

/// <summary>
/// The service's own cumulative counters (since start), shared by every part of the worker and read
/// by the <c>chargewatch</c> measurement and the metrics endpoint. Lock-free: each is one Interlocked field.
/// </summary>
public sealed class ServiceCounters
{
    private readonly long[] _rejectedByReason = new long[Enum.GetValues<RejectReason>().Length];
    private long _messagesReceived;
    private long _messagesRejected;
    private long _pointsWritten;
    private long _writeFailures;
    private long _spoolBytes;
    private long _alertsRaised;
    private long _alertsResolved;
    private long _duplicates;
    private long _lateReadings;
    private long _batchesRejected;

    public long MessagesReceived => Volatile.Read(ref _messagesReceived);

    public long MessagesRejected => Volatile.Read(ref _messagesRejected);

    public long PointsWritten => Volatile.Read(ref _pointsWritten);

    public long WriteFailures => Volatile.Read(ref _writeFailures);

    /// <summary>Bytes currently held in the disk spool (a gauge, not cumulative).</summary>
    public long SpoolBytes => Volatile.Read(ref _spoolBytes);

    public long AlertsRaised => Volatile.Read(ref _alertsRaised);

    public long AlertsResolved => Volatile.Read(ref _alertsResolved);

    public long Duplicates => Volatile.Read(ref _duplicates);

    public long LateReadings => Volatile.Read(ref _lateReadings);

    /// <summary>Batches InfluxDB refused as malformed (4xx) and that were set aside.</summary>
    public long BatchesRejected => Volatile.Read(ref _batchesRejected);

    public long Rejected(RejectReason reason) => Volatile.Read(ref _rejectedByReason[(int)reason]);

    public void MessageReceived() => Interlocked.Increment(ref _messagesReceived);

    public void MessageRejected(RejectReason reason)
    {
        Interlocked.Increment(ref _messagesRejected);
        Interlocked.Increment(ref _rejectedByReason[(int)reason]);
    }

    public void PointsWrittenAdd(long points) => Interlocked.Add(ref _pointsWritten, points);

    public void WriteFailed() => Interlocked.Increment(ref _writeFailures);

    public void SetSpoolBytes(long bytes) => Volatile.Write(ref _spoolBytes, bytes);

    public void AlertRaised() => Interlocked.Increment(ref _alertsRaised);

    public void AlertResolved() => Interlocked.Increment(ref _alertsResolved);

    public void Duplicate() => Interlocked.Increment(ref _duplicates);

    public void LateReading() => Interlocked.Increment(ref _lateReadings);

    public void BatchRejected() => Interlocked.Increment(ref _batchesRejected);

    /// <summary>Every counter as (field name, value), in the agreed field names of the <c>chargewatch</c> measurement.</summary>
    public IEnumerable<(string Field, long Value)> Snapshot()
    {
        yield return ("messages_received", MessagesReceived);
        yield return ("messages_rejected", MessagesRejected);
        foreach (var reason in RejectReasonNames.All)
        {
            yield return ("rejected_" + reason.ToName(), Rejected(reason));
        }
        yield return ("points_written", PointsWritten);
        yield return ("write_failures", WriteFailures);
        yield return ("spool_bytes", SpoolBytes);
        yield return ("alerts_raised", AlertsRaised);
        yield return ("alerts_resolved", AlertsResolved);
        yield return ("duplicates", Duplicates);
        yield return ("late_readings", LateReadings);
        yield return ("batches_rejected", BatchesRejected);
    }
}
