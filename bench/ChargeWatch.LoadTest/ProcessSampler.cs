using System.Globalization;

namespace ChargeWatch.LoadTest;

/// <summary>One reading of a process's /proc counters.</summary>
internal readonly record struct ProcessSample(double At, double CpuSeconds, long RssBytes, long PeakRssBytes);

/// <summary>
/// Reads CPU time (utime + stime of /proc/&lt;pid&gt;/stat, all threads) and memory (VmRSS, VmHWM of
/// /proc/&lt;pid&gt;/status) of a process: the worker's own cost, apart from the broker's and InfluxDB's.
/// </summary>
internal static class ProcessSampler
{
    // USER_HZ is 100 on every Linux the project runs on (sysconf(_SC_CLK_TCK)).
    private const double TicksPerSecond = 100.0;

    public static ProcessSample? Read(int pid, double at)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) may hold spaces: fields are counted after its closing parenthesis.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            long rss = 0, hwm = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = Kilobytes(line);
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    hwm = Kilobytes(line);
                }
            }
            return new ProcessSample(at, ticks / TicksPerSecond, rss, hwm);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // the process has ended
        }
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
}
