using System.Diagnostics;

namespace ChargeWatch.Testing;

/// <summary>Polls a condition of an asynchronous system until it holds or time runs out.</summary>
public static class Eventually
{
    /// <summary>
    /// Polls <paramref name="probe"/> until <paramref name="done"/> holds for its value; returns that
    /// value, or throws with the last value seen and <paramref name="what"/>.
    /// </summary>
    public static async Task<T> UntilAsync<T>(
        Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what, TimeSpan? interval = null, CancellationToken cancellationToken = default)
    {
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }
            if (elapsed.Elapsed > timeout)
            {
                throw new TimeoutException($"{what}: still not true after {timeout}; last value: {value}");
            }
            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }
}
