namespace ChargeWatch.Simulator.Physics.Sheds;

/// <summary>Outdoor-following shed air temperature: a daily cosine peaking mid-afternoon.</summary>
public sealed record AmbientTemperature(double MeanC = 28, double SwingC = 4, double PeakHour = 15)
{
    public double At(ModelClock clock, double seconds)
    {
        var hour = clock.LocalHourAt(seconds);
        return MeanC + (SwingC * Math.Cos(2 * Math.PI * (hour - PeakHour) / 24));
    }
}
