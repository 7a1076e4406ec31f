using ChargeWatch.Core.Rules.Flywire;
using ChargeWatch.Core.Rules.FlywireHousehold;

namespace ChargeWatch.Core.Rules.FlywireCorridor;

/// <summary>
/// A corridor circuit carries lighting only: always-on emergency lights and stair lights that
/// pulse for a minute or two. A short rolling floor hides the pulses; the baseline is learned from
/// that floor while nothing is elevated (down at once, up slowly), so anything sustained
/// <see cref="FlywireCorridorOptions.AddedWatts"/> above it for <see cref="FlywireCorridorOptions.SustainFor"/> is a
/// plugged-in load. One instance per corridor meter; readings in event-time order.
/// </summary>
public sealed class CorridorLoadDetector(FlywireCorridorOptions options)
{
    private readonly RollingFloor _floor = new(options.FloorWindow);
    private double _baseline = double.NaN;
    private long _lastTicks;
    private long _elevatedSinceTicks;
    private long _goneSinceTicks;

    public bool IsFiring { get; private set; }

    /// <summary>Watts above the baseline at the last reading.</summary>
    public double Added { get; private set; }

    public double Baseline => _baseline;

    public DateTimeOffset ElevatedSince { get; private set; }

    public HouseholdChange Observe(DateTimeOffset timestamp, double watts)
    {
        var ticks = timestamp.UtcTicks;
        if (ticks <= _lastTicks)
        {
            return HouseholdChange.None;
        }
        var elapsed = _lastTicks == 0 ? 0 : ticks - _lastTicks;
        _lastTicks = ticks;
        _floor.Add(ticks, watts, null);
        var floor = _floor.Watts;
        if (double.IsNaN(_baseline) || floor < _baseline)
        {
            _baseline = floor;
        }
        Added = floor - _baseline;
        if (Added < options.GoneWatts && !IsFiring)
        {
            _baseline += (floor - _baseline) * Math.Min(1.0, (double)elapsed / options.BaselineTimeConstant.Ticks);
        }

        if (!IsFiring)
        {
            if (Added < options.AddedWatts)
            {
                _elevatedSinceTicks = 0;
                return HouseholdChange.None;
            }
            if (_elevatedSinceTicks == 0)
            {
                _elevatedSinceTicks = ticks;
                ElevatedSince = timestamp;
            }
            if (ticks - _elevatedSinceTicks >= options.SustainFor.Ticks)
            {
                IsFiring = true;
                _goneSinceTicks = 0;
                return HouseholdChange.Fired;
            }
            return HouseholdChange.None;
        }
        if (Added >= options.GoneWatts)
        {
            _goneSinceTicks = 0;
            return HouseholdChange.None;
        }
        if (_goneSinceTicks == 0)
        {
            _goneSinceTicks = ticks;
        }
        if (ticks - _goneSinceTicks >= options.ResolveAfter.Ticks)
        {
            IsFiring = false;
            _elevatedSinceTicks = 0;
            return HouseholdChange.Resolved;
        }
        return HouseholdChange.None;
    }
}
