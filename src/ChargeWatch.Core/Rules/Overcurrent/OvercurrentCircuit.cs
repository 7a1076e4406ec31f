using ChargeWatch.Core.Rules.Common;

namespace ChargeWatch.Core.Rules.Overcurrent;

/// <summary>
/// Trip progress of one circuit (a port, a charger's total, a feeder) in the way contract §4 words
/// it: time between two consecutive readings both above rated counts at the smaller of their two
/// currents, never across a gap; progress returns to zero at the first reading at or below rated.
/// </summary>
internal struct OvercurrentCircuit
{
    private long _previousTicks;
    private double _previousAmps;
    private bool _previousAbove;

    public AlertCycle Cycle;

    /// <summary>Fraction of the trip time accumulated so far; the curve trips at 1.</summary>
    public double Progress { get; private set; }

    /// <summary>Feeds one reading; true when it is above rated (the caller then checks <see cref="Progress"/>).</summary>
    public bool Observe(DateTimeOffset at, double amps, double rated, double timeMultiplier, TimeSpan gapLimit)
    {
        var above = amps > rated;
        if (!above)
        {
            Progress = 0;
        }
        else if (_previousAbove && at.UtcTicks - _previousTicks <= gapLimit.Ticks)
        {
            var seconds = (at.UtcTicks - _previousTicks) / (double)TimeSpan.TicksPerSecond;
            Progress += seconds / InverseTimeCurve.TripSeconds(Math.Min(amps, _previousAmps) / rated, timeMultiplier);
        }
        else
        {
            // The first reading above rated, or the first after a gap: nothing is known about the time before it.
            Progress = 0;
        }
        _previousTicks = at.UtcTicks;
        _previousAmps = amps;
        _previousAbove = above;
        return above;
    }
}
