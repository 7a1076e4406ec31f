namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>
/// Whether the meter samples its readings or averages them over the interval: an averaging meter
/// spreads a switch that lands inside an interval over two readings (part of the step, then the
/// rest), a sampling one shows it whole in one. Counts the steps of at least
/// <see cref="StepWatts"/> and how many of them the next reading continued the same way by a fifth
/// of the step or more. On the tuning nights averaging meters continued 22–69 % of their steps (5th
/// to 95th percentile), sampling ones 0–20 % (docs/flywire.md, item 96); the candidate model reads both
/// counts (item 97). O(1) per reading, no allocation.
/// </summary>
internal sealed class SwitchSpread
{
    public const double StepWatts = 60;
    private const double ContinuedShare = 0.2;
    private double _previous = double.NaN;
    private double _step;

    /// <summary>Steps seen (each judged on the reading after it).</summary>
    public int Steps { get; private set; }

    /// <summary>Steps the next reading continued: a switch spread over two readings.</summary>
    public int Spread { get; private set; }

    public void Add(double watts)
    {
        if (double.IsNaN(_previous))
        {
            _previous = watts;
            return;
        }
        var change = watts - _previous;
        if (_step != 0)
        {
            Steps++;
            Spread += Math.Sign(change) == Math.Sign(_step) && Math.Abs(change) >= ContinuedShare * Math.Abs(_step) ? 1 : 0;
            // A continued step was one switch: its second half is not a step of its own.
            _step = 0;
        }
        else if (Math.Abs(change) >= StepWatts)
        {
            _step = change;
        }
        _previous = watts;
    }

    /// <summary>A gap in the readings: the next reading is no step from the last. What was counted stays (the meter is the same).</summary>
    public void Break()
    {
        _previous = double.NaN;
        _step = 0;
    }
}
