namespace ChargeWatch.Simulator.Running;

/// <summary>
/// Holds event time to wall time at a speed: 1 is real time, N is N× faster, <c>max</c> (0) does
/// not wait at all. Only the sending moments depend on it, never the payloads.
/// </summary>
public sealed class Pacer(double speed, TimeProvider time)
{
    private long _startTimestamp;
    private double _startSeconds = double.NaN;

    public double Speed { get; } = speed;

    public static double ParseSpeed(string? text) =>
        text is null or "" ? 1
        : text.Equals("max", StringComparison.OrdinalIgnoreCase) ? 0
        : double.TryParse(text.TrimEnd('x', 'X'), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s) && s > 0
            ? s
            : throw new FormatException($"speed '{text}' is not a positive number or 'max'");

    /// <summary>Waits until the wall clock reaches the moment for <paramref name="eventSeconds"/>.</summary>
    public async ValueTask WaitForAsync(double eventSeconds, CancellationToken cancellationToken)
    {
        if (double.IsNaN(_startSeconds))
        {
            _startSeconds = eventSeconds;
            _startTimestamp = time.GetTimestamp();
        }
        if (Speed <= 0)
        {
            return;
        }
        var due = TimeSpan.FromSeconds((eventSeconds - _startSeconds) / Speed);
        var ahead = due - time.GetElapsedTime(_startTimestamp);
        if (ahead > TimeSpan.FromMilliseconds(1))
        {
            await Task.Delay(ahead, time, cancellationToken);
        }
    }
}
