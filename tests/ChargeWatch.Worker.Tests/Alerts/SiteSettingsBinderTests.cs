using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Readings;
using ChargeWatch.Core.Rules;
using ChargeWatch.Core.Rules.FlywireHousehold;
using ChargeWatch.Core.Rules.Overcurrent;
using ChargeWatch.Core.Rules.ThermalHigh;
using ChargeWatch.Core.Sites;
using ChargeWatch.Worker.Detection;
using Microsoft.Extensions.Configuration;

namespace ChargeWatch.Worker.Tests.Alerts;

public class SiteSettingsBinderTests
{
    private static (SiteDirectory Directory, List<string> Problems) Bind(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var problems = new List<string>();
        return (SiteSettingsBinder.Build(configuration, RuleCatalog.All, problems), problems);
    }

    [Fact]
    public void Build_NoConfiguration_ContractDefaults()
    {
        var (directory, problems) = Bind();

        Assert.Empty(problems);
        var profile = directory.Resolve(new DeviceKey("any", DeviceKind.Charger, "c"));
        Assert.Equal(4.0, profile.Rated.PortAmps);
        Assert.Equal(60, profile.Get<ThermalHighOptions>().WarningC);
    }

    [Fact]
    public void Build_GlobalSiteAndDeviceLayers_MostSpecificWins()
    {
        var (directory, problems) = Bind(
            ("ChargeWatch:Rules:ThermalHigh:WarningC", "55"),
            ("ChargeWatch:Rules:Rated:PortAmps", "3.5"),
            ("ChargeWatch:Sites:dongyuan-1:Rules:ThermalHigh:CriticalC", "70"),
            ("ChargeWatch:Sites:dongyuan-1:Chargers:c01:Rules:ThermalHigh:WarningC", "50"),
            ("ChargeWatch:Sites:dongyuan-1:Chargers:c01:Rated:Ports:8", "10"),
            ("ChargeWatch:Sites:dongyuan-1:Chargers:c01:Shed", "shed-a"));

        Assert.Empty(problems);
        var device = directory.Resolve(new DeviceKey("dongyuan-1", DeviceKind.Charger, "c01"));
        Assert.Equal(50, device.Get<ThermalHighOptions>().WarningC);
        Assert.Equal(70, device.Get<ThermalHighOptions>().CriticalC);
        Assert.Equal(3.5, device.Rated.ForPort(1));
        Assert.Equal(10, device.Rated.ForPort(8));
        Assert.Equal("shed-a", directory.Find(new DeviceKey("dongyuan-1", DeviceKind.Charger, "c01")).Shed);
        var neighbour = directory.Resolve(new DeviceKey("dongyuan-1", DeviceKind.Charger, "c02"));
        Assert.Equal(55, neighbour.Get<ThermalHighOptions>().WarningC);
        Assert.Equal(70, neighbour.Get<ThermalHighOptions>().CriticalC);
        var elsewhere = directory.Resolve(new DeviceKey("other", DeviceKind.Charger, "c01"));
        Assert.Equal(75, elsewhere.Get<ThermalHighOptions>().CriticalC);
    }

    [Fact]
    public void Build_MeterRoleAndRuleSwitch_Bound()
    {
        var (directory, problems) = Bind(
            ("ChargeWatch:Sites:s1:Meters:6-stair:Role", "corridor"),
            ("ChargeWatch:Sites:s1:Meters:6-stair:Building", "6"),
            ("ChargeWatch:Sites:s1:Rules:Overcurrent:Enabled", "false"));

        Assert.Empty(problems);
        var stair = new DeviceKey("s1", DeviceKind.Meter, "6-stair");
        Assert.Equal(MeterRole.Corridor, directory.Find(stair).Role);
        Assert.Equal("6", directory.Find(stair).Building);
        Assert.False(directory.Resolve(stair).Get<OvercurrentOptions>().Enabled);
    }

    [Fact]
    public void Build_MeterThatReportsCosPhi_BoundByName()
    {
        var (directory, problems) = Bind(("ChargeWatch:Sites:s1:Meters:6-602:Rules:FlywireHousehold:ReportedPowerFactor", "Displacement"));

        Assert.Empty(problems);
        Assert.Equal(
            ReportedPowerFactorKind.Displacement,
            directory.Resolve(new DeviceKey("s1", DeviceKind.Meter, "6-602")).Get<HouseholdSignatureOptions>().ReportedPowerFactor);
        Assert.Equal(
            ReportedPowerFactorKind.Auto,
            directory.Resolve(new DeviceKey("s1", DeviceKind.Meter, "6-603")).Get<HouseholdSignatureOptions>().ReportedPowerFactor);
    }

    [Theory]
    [InlineData("ChargeWatch:Rules:ThermalHihg:WarningC", "50", "ChargeWatch:Rules:ThermalHihg: unknown rule")]
    [InlineData("ChargeWatch:Rules:ThermalHigh:WarningC", "hot", "ChargeWatch:Rules:ThermalHigh")]
    [InlineData("ChargeWatch:Rules:ThermalHigh:Warning", "50", "ChargeWatch:Rules:ThermalHigh")]
    [InlineData("ChargeWatch:Rules:FlywireHousehold:ReportedPowerFactor", "cos-phi", "ChargeWatch:Rules:FlywireHousehold")]
    [InlineData("ChargeWatch:Rules:ThermalHigh:CriticalC", "40", "ChargeWatch:Rules:ThermalHigh: CriticalC (40) must not be below WarningC (60)")]
    [InlineData("ChargeWatch:Sites:s1:Rated:PortAmps", "0", "ChargeWatch:Sites:s1:Rated: The field PortAmps must be between")]
    [InlineData("ChargeWatch:Sites:s1:Meters:m1:Role", "kitchen", "ChargeWatch:Sites:s1:Meters:m1:Role must be household or corridor (was 'kitchen')")]
    [InlineData("ChargeWatch:Sites:Bad Site:Rated:PortAmps", "5", "ChargeWatch:Sites:Bad Site: 'Bad Site' is not a site name")]
    [InlineData("ChargeWatch:Sites:s1:Chargers:c1:Sched", "shed-a", "ChargeWatch:Sites:s1:Chargers:c1:Sched: unknown key")]
    [InlineData("ChargeWatch:Sites:s1:Chargers:c1:Rated:Ports:99", "5", "ChargeWatch:Sites:s1:Chargers:c1:Rated:Ports:99 must be a port 1..64")]
    public void Build_BadValue_ProblemNamesTheKey(string key, string value, string expectedStart)
    {
        var (_, problems) = Bind((key, value));

        Assert.Contains(problems, p => p.StartsWith(expectedStart, StringComparison.Ordinal));
    }

    [Fact]
    public void Build_OtherFeaturesKeysInASite_AreLeftAlone()
    {
        var (_, problems) = Bind(("ChargeWatch:Sites:s1:Cutoff:Enabled", "true"), ("ChargeWatch:Sites:s1:Teams:smoke", "fire"));

        Assert.Empty(problems);
    }
}
