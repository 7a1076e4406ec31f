using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ChargeWatch.FlywireEvaluation;

/// <summary>
/// CPU time of the calling thread, so that "µs CPU per reading" means CPU even on a shared machine
/// where wall time includes waiting for a core. Linux's CLOCK_THREAD_CPUTIME_ID; wall time elsewhere.
/// </summary>
internal static class ThreadCpuClock
{
    private const int ThreadCpuTimeClock = 3;

    /// <summary>Microseconds of this thread's CPU time (wall-clock microseconds where unavailable).</summary>
    public static double NowMicroseconds()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ThreadCpuTimeClock, out var time) == 0)
        {
            return (time.Seconds * 1e6) + (time.Nanoseconds / 1e3);
        }
        return Stopwatch.GetTimestamp() * 1e6 / Stopwatch.Frequency;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}
