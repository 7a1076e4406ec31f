using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Readings;

namespace ChargeWatch.Core.Tests.Detection;

public class DetectionEngineTests
{
    [Fact]
    public void OnReading_Duplicate_IsCountedAndNotFedToRules()
    {
        var run = new EngineRun();
        var reading = Make.Port(0, 25.0);

        run.Feed(reading, reading);

        Assert.Single(run.Of("overcurrent.instant"));
        Assert.Equal(1, run.Engine.Counters.Duplicates);
    }

    [Fact]
    public void OnReading_Late_IsCountedAndNotFedToRules()
    {
        var run = new EngineRun();

        run.Feed(Make.Port(10, 1.0), Make.Port(5, 25.0));

        Assert.Empty(run.Alerts);
        Assert.Equal(1, run.Engine.Counters.LateReadings);
    }

    [Fact]
    public void OnReading_SameSeqRedelivered_IsDuplicate()
    {
        var run = new EngineRun();
        var key = Make.FeederKey();
        var first = new FeederReading(key, Make.At(0), 7, null, 1, null, null, null, 40);
        var again = new FeederReading(key, Make.At(0), 7, null, 1, null, null, null, 40);

        run.Feed(first, again);

        Assert.Single(run.Alerts);
        Assert.Equal(1, run.Engine.Counters.Duplicates);
    }

    [Fact]
    public void OnStatus_BeforeAnyWatermark_WaitsForTheSiteTime()
    {
        var run = new EngineRun();

        run.Status(Make.ChargerKey(), online: false);
        Assert.Empty(run.Alerts);
        run.Watermark(42);

        var offline = Assert.Single(run.Alerts);
        Assert.Equal("offline", offline.Rule);
        Assert.Equal(Make.At(42), offline.StartsAt);
    }

    [Fact]
    public void OnReading_RuleSwitchedOffForSite_DoesNotFire()
    {
        var builder = new Core.Sites.SiteSettingsBuilder();
        builder.Site(Make.Site).Configure<Core.Rules.OvercurrentInstant.OvercurrentInstantOptions>(o => o.Enabled = false);
        var run = new EngineRun(builder.Build());

        run.Feed(Make.Port(0, 25.0));

        Assert.Empty(run.Of("overcurrent.instant"));
    }

    [Fact]
    public void Track_PayloadShed_UsedWhenNotConfigured()
    {
        var run = new EngineRun();

        run.Feed(Make.Port(0, 25.0));

        Assert.Equal("shed-a", Assert.Single(run.Alerts).Shed);
        Assert.Equal(1, run.Engine.DeviceCount);
        Assert.Equal(DeviceKind.Charger, run.Alerts[0].Kind);
    }
}
