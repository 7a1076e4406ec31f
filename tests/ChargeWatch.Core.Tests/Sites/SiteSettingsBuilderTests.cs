using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Points;
using ChargeWatch.Core.Readings;
using ChargeWatch.Core.Rules.Leakage;
using ChargeWatch.Core.Sites;

namespace ChargeWatch.Core.Tests.Sites;

public class SiteSettingsBuilderTests
{
    private static readonly DeviceKey Feeder = new("s1", DeviceKind.Feeder, "f1");

    [Fact]
    public void Build_Layers_AppliedGlobalThenSiteThenDevice()
    {
        var builder = new SiteSettingsBuilder();
        builder.Global.Configure<LeakageOptions>(o => { o.WarningMa = 12; o.CriticalMa = 25; });
        builder.Site("s1").Configure<LeakageOptions>(o => o.CriticalMa = 28);
        builder.Device(Feeder).Configure<LeakageOptions>(o => o.WarningMa = 14);

        var directory = builder.Build();

        var device = directory.Resolve(Feeder).Get<LeakageOptions>();
        Assert.Equal((14, 28), (device.WarningMa, device.CriticalMa));
        var site = directory.Resolve(Feeder with { Device = "f2" }).Get<LeakageOptions>();
        Assert.Equal((12, 28), (site.WarningMa, site.CriticalMa));
        var global = directory.Resolve(Feeder with { Site = "s2" }).Get<LeakageOptions>();
        Assert.Equal((12, 25), (global.WarningMa, global.CriticalMa));
    }

    [Fact]
    public void Build_EachProfile_HasItsOwnOptionsInstances()
    {
        var builder = new SiteSettingsBuilder();
        builder.Device(Feeder).Configure<LeakageOptions>(o => o.WarningMa = 14);

        var directory = builder.Build();

        Assert.NotSame(directory.Global.Get<LeakageOptions>(), directory.Resolve(Feeder).Get<LeakageOptions>());
        Assert.Equal(15, directory.Global.Get<LeakageOptions>().WarningMa);
    }

    [Fact]
    public void Find_ConfiguredDevice_ReturnsItsTagsAndNoneOtherwise()
    {
        var builder = new SiteSettingsBuilder();
        var stair = new DeviceKey("s1", DeviceKind.Meter, "6-stair");
        var layer = builder.Device(stair);
        layer.Role = MeterRole.Corridor;
        layer.Building = "6";

        var directory = builder.Build();

        Assert.Equal(new DeviceTags(null, MeterRole.Corridor, "6", null), directory.Find(stair));
        Assert.Equal(DeviceTags.None, directory.Find(stair with { Device = "6-602" }));
    }

    [Fact]
    public void RatedCurrents_PortOverride_AppliesToThatPortOnly()
    {
        var rated = new RatedCurrents { Ports = { [8] = 10.0 } };

        Assert.Equal(10.0, rated.ForPort(8));
        Assert.Equal(4.0, rated.ForPort(7));
    }
}
