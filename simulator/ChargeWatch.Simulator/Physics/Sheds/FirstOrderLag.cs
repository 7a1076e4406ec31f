namespace ChargeWatch.Simulator.Physics.Sheds;

/// <summary>
/// A thermal mass approaching its steady-state temperature exponentially (Newton's law of cooling):
/// sockets and cabinets heat with current and cool to ambient with time constant <paramref name="tauSeconds"/>.
/// </summary>
public sealed class FirstOrderLag(double initial, double tauSeconds)
{
    private double _lastSeconds = double.NaN;

    public double Value { get; private set; } = initial;

    public double Step(double seconds, double target)
    {
        // The first step starts from the initial value: a mass does not jump to its target.
        if (!double.IsNaN(_lastSeconds) && seconds > _lastSeconds)
        {
            var k = 1 - Math.Exp(-(seconds - _lastSeconds) / tauSeconds);
            Value += (target - Value) * k;
        }
        _lastSeconds = seconds;
        return Value;
    }
}
