namespace ChargeWatch.Worker.Cutoff;

/// <summary>Commands the cut-off published since start, for <c>/metrics</c>.</summary>
public sealed class CutoffCounters
{
    private long _cuts;
    private long _restores;

    public long Cuts => Interlocked.Read(ref _cuts);

    public long Restores => Interlocked.Read(ref _restores);

    public void Published(CutoffCommand command)
    {
        if (command.Cut)
        {
            Interlocked.Increment(ref _cuts);
        }
        else
        {
            Interlocked.Increment(ref _restores);
        }
    }
}
