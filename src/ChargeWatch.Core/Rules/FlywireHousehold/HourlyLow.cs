namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>
/// The lowest reading of the last twelve hours, in hour buckets: the household's standby level,
/// which no load that is on can take the meter below. Twelve doubles, O(12) per reading.
/// </summary>
internal sealed class HourlyLow
{
    private const int Hours = 12;
    private readonly double[] _mins = new double[Hours];
    private readonly long[] _hours = new long[Hours];

    public double Value { get; private set; }

    public void Add(long ticks, double watts)
    {
        var hour = ticks / TimeSpan.TicksPerHour;
        var index = (int)(hour % Hours);
        if (_hours[index] != hour)
        {
            _hours[index] = hour;
            _mins[index] = watts;
        }
        else if (watts < _mins[index])
        {
            _mins[index] = watts;
        }
        var low = double.MaxValue;
        for (var i = 0; i < Hours; i++)
        {
            if (_hours[i] > hour - Hours && _mins[i] < low)
            {
                low = _mins[i];
            }
        }
        Value = low;
    }
}
