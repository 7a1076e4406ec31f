namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>
/// Whether the meter samples its readings or averages them over the interval: an averaging meter
/// spreads a switch that lands inside an interval over two readings (part of the step, then the
/// rest), a sampling one shows it whole in one. Of the last <see cref="Window"/> steps of at least
/// <see cref="StepWatts"/>, counts how many the next reading continued the same way by a fifth of the
/// step or more. On the tuning nights averaging meters continued 22–69 % of their steps (5th to 95th
/// percentile), sampling ones 0–20 % (docs/flywire.md, item 96); the candidate model reads both
/// counts (item 97). A window, not a running total: a worker's detector runs for days, and the model
/// must see the counts it was trained on after a week as after an evening (item 99). O(1) per
/// reading, no allocation.
/// </summary>
internal sealed class SwitchSpread
{
    public const double StepWatts = 60;
    public const int Window = 64;
    private const double ContinuedShare = 0.2;
    private double _previous = double.NaN;
    private double _step;
    // The last Window steps' outcomes, newest in bit 0: 1 = spread.
    private ulong _outcomes;

    /// <summary>Steps seen, up to <see cref="Window"/> (each judged on the reading after it).</summary>
    public int Steps { get; private set; }

    /// <summary>Of those, the steps the next reading continued: a switch spread over two readings.</summary>
    public int Spread => System.Numerics.BitOperations.PopCount(_outcomes);

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
            var spread = Math.Sign(change) == Math.Sign(_step) && Math.Abs(change) >= ContinuedShare * Math.Abs(_step);
            _outcomes = (_outcomes << 1) | (spread ? 1UL : 0UL);
            Steps = Math.Min(Steps + 1, Window);
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
