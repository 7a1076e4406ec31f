namespace ChargeWatch.Simulator.Physics;

/// <summary>
/// Maps a model's time axis (seconds since <see cref="Epoch"/>) to local wall-clock hours of the
/// site's time zone, so behaviour can be written as "lights on at dusk", "cook at 18:00".
/// </summary>
public readonly record struct ModelClock(DateTimeOffset Epoch)
{
    public double EpochLocalHour => Epoch.TimeOfDay.TotalHours;

    public DateTimeOffset TimeAt(double seconds) => Epoch.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));

    public double SecondsAt(DateTimeOffset time) => (time - Epoch).TotalSeconds;

    /// <summary>Seconds of the next occurrence of <paramref name="localHour"/> (0–24, may exceed 24 for the day after) at or after the epoch.</summary>
    public double SecondsAtHour(double localHour)
    {
        var delta = localHour - EpochLocalHour;
        while (delta < 0)
        {
            delta += 24;
        }
        return delta * 3600;
    }

    /// <summary>Local hour of day in [0, 24).</summary>
    public double LocalHourAt(double seconds)
    {
        var hour = (EpochLocalHour + (seconds / 3600)) % 24;
        return hour < 0 ? hour + 24 : hour;
    }
}
