namespace ChargeWatch.Simulator.Physics.Appliances;

/// <summary>
/// An appliance whose behaviour was drawn up front as a list of segments: evaluation at any time is
/// a binary search, so it is a pure function of time and cheap at any sampling interval.
/// </summary>
public sealed class ScheduledLoad : ILoad
{
    // Fluctuation changes every few seconds, like picture content or a motor's load.
    private const double FluctuationStepSeconds = 5;

    private readonly LoadSegment[] _segments;
    private readonly ulong _noiseSeed;
    private readonly bool _switchMode;

    /// <summary>
    /// <paramref name="switchMode"/>: a capacitor-input power supply (electronics, LED lamps), whose low
    /// power factor is harmonics, not a phase shift (<see cref="LoadPower.DistortionVars"/>); false for
    /// motors and resistors.
    /// </summary>
    public ScheduledLoad(string name, IEnumerable<LoadSegment> segments, ulong noiseSeed, bool switchMode = false)
    {
        Name = name;
        _segments = [.. segments.Where(s => s.End > s.Start).OrderBy(s => s.Start)];
        _noiseSeed = noiseSeed;
        _switchMode = switchMode;
    }

    public string Name { get; }

    public IReadOnlyList<LoadSegment> Segments => _segments;

    public LoadPower At(double seconds)
    {
        // Last segment starting at or before t; segments of one appliance do not overlap.
        int lo = 0, hi = _segments.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_segments[mid].Start <= seconds)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        if (found < 0 || seconds >= _segments[found].End)
        {
            return LoadPower.Zero;
        }
        var segment = _segments[found];
        var watts = segment.Watts;
        if (segment.Fluctuation > 0)
        {
            var step = (long)Math.Floor(seconds / FluctuationStepSeconds);
            watts *= Math.Max(0, 1 + (segment.Fluctuation * SimRandom.HashNormal(_noiseSeed, step)));
        }
        var power = LoadPower.FromPowerFactor(watts, segment.PowerFactor);
        return _switchMode ? power.WithDisplacementPowerFactor(LoadPower.SwitchModeDisplacementPowerFactor) : power;
    }
}
