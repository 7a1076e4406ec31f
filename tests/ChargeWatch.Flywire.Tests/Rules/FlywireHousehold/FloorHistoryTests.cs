using ChargeWatch.Core.Rules.FlywireHousehold;

namespace ChargeWatch.Flywire.Tests.Rules.FlywireHousehold;

public sealed class FloorHistoryTests
{
    private static readonly long Start = new DateTimeOffset(2026, 7, 8, 18, 0, 0, TimeSpan.Zero).UtcTicks;

    private static long At(double minutes) => Start + (long)(minutes * TimeSpan.TicksPerMinute);

    private static FloorHistory.Floors Floors(double watts) => new(watts, watts / 2, watts - 10, watts / 2 - 10, watts / 4);

    [Fact]
    public void TryAt_MinuteRecordedByATwoMinuteMeter_GivesThatReadingsFloors()
    {
        var history = new FloorHistory();
        for (var m = 0; m <= 80; m += 2)
        {
            history.Record(At(m + 0.5), Floors(100 + m));
        }

        Assert.True(history.TryAt(At(40.5), out var floors));
        Assert.Equal(Floors(140), floors);
    }

    [Fact]
    public void TryAt_MinuteInAGap_GivesFalse()
    {
        var history = new FloorHistory();
        history.Record(At(0), Floors(100));
        history.Record(At(30), Floors(120));

        Assert.False(history.TryAt(At(15), out _));
    }

    [Fact]
    public void TryAt_MinuteOlderThanTheSpan_GivesFalseRatherThanANewerReading()
    {
        var history = new FloorHistory();
        for (var m = 0; m <= 200; m++)
        {
            history.Record(At(m), Floors(m));
        }

        Assert.True(history.TryAt(At(200) - FloorHistory.Span.Ticks, out var floors));
        Assert.Equal(200 - FloorHistory.Span.TotalMinutes, floors.Watts);
        Assert.False(history.TryAt(At(10), out _));
    }

    [Fact]
    public void FirstReaching_FloorThatRoseMidway_GivesTheMinuteItReachedTheLevel()
    {
        var history = new FloorHistory();
        for (var m = 0; m <= 60; m++)
        {
            history.Record(At(m), Floors(m < 37 ? 40 : 240));
        }

        Assert.Equal(At(37), history.FirstReaching(At(20), At(60), 140));
        Assert.Equal(At(60), history.FirstReaching(At(20), At(60), 300));
    }

    [Fact]
    public void Clear_ForgetsEverything()
    {
        var history = new FloorHistory();
        history.Record(At(0), Floors(100));

        history.Clear();

        Assert.False(history.TryAt(At(0), out _));
    }
}
