using ChargeWatch.Core.Rules.FlywireHousehold;

namespace ChargeWatch.Flywire.Tests.Rules.FlywireHousehold;

public sealed class FloorHistoryTests
{
    private static readonly long Start = new DateTimeOffset(2026, 7, 8, 18, 0, 0, TimeSpan.Zero).UtcTicks;

    private static long At(double minutes) => Start + (long)(minutes * TimeSpan.TicksPerMinute);

    [Fact]
    public void TryAt_MinuteRecordedByATwoMinuteMeter_GivesThatReadingsFloors()
    {
        var history = new FloorHistory();
        for (var m = 0; m <= 80; m += 2)
        {
            history.Record(At(m + 0.5), watts: 100 + m, vars: 50 + m, residualWatts: 90 + m);
        }

        Assert.True(history.TryAt(At(40.5), out var watts, out var vars, out var residual));
        Assert.Equal((140, 90, 130), (watts, vars, residual));
    }

    [Fact]
    public void TryAt_MinuteInAGap_GivesFalse()
    {
        var history = new FloorHistory();
        history.Record(At(0), 100, 50, 90);
        history.Record(At(30), 120, 60, 110);

        Assert.False(history.TryAt(At(15), out _, out _, out _));
    }

    [Fact]
    public void TryAt_MinuteOlderThanTheSpan_GivesFalseRatherThanANewerReading()
    {
        var history = new FloorHistory();
        for (var m = 0; m <= 200; m++)
        {
            history.Record(At(m), m, m, m);
        }

        Assert.True(history.TryAt(At(200) - FloorHistory.Span.Ticks, out var watts, out _, out _));
        Assert.Equal(200 - FloorHistory.Span.TotalMinutes, watts);
        Assert.False(history.TryAt(At(10), out _, out _, out _));
    }

    [Fact]
    public void Clear_ForgetsEverything()
    {
        var history = new FloorHistory();
        history.Record(At(0), 100, 50, 90);

        history.Clear();

        Assert.False(history.TryAt(At(0), out _, out _, out _));
    }
}
