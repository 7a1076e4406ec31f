using ChargeWatch.Worker.Alerting;

namespace ChargeWatch.Worker.Tests.Alerting;

public sealed class TeamMapTests
{
    [Theory]
    [InlineData("overcurrent", "shed-operator")]
    [InlineData("overcurrent.instant", "shed-operator")]
    [InlineData("leakage", "shed-operator")]
    [InlineData("overcharge", "shed-operator")]
    [InlineData("flywire.household", "property")]
    [InlineData("flywire.corridor", "property")]
    [InlineData("flywire.tap", "property")]
    [InlineData("flywire.strip", "property")]
    [InlineData("smoke", "fire-safety")]
    [InlineData("thermal.high", "fire-safety")]
    [InlineData("thermal.rise", "fire-safety")]
    [InlineData("offline", "maintenance")]
    [InlineData("something.new", TeamMap.Unassigned)]
    public void TeamFor_Defaults_FollowTheResponsibilities(string rule, string team) =>
        Assert.Equal(team, new TeamMap().TeamFor("any-site", rule));

    [Fact]
    public void TeamFor_SiteOverride_WinsOnlyAtThatSite()
    {
        var teams = new TeamMap(sites: new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["dongyuan-1"] = new Dictionary<string, string> { ["flywire.*"] = "residents-committee" },
        });

        Assert.Equal("residents-committee", teams.TeamFor("dongyuan-1", "flywire.corridor"));
        Assert.Equal("property", teams.TeamFor("xiyuan-2", "flywire.corridor"));
        Assert.Equal("fire-safety", teams.TeamFor("dongyuan-1", "smoke"));
    }

    [Fact]
    public void TeamFor_ExactRule_BeatsPrefixInTheSameLayer()
    {
        var teams = new TeamMap(global: new Dictionary<string, string>
        {
            ["flywire.*"] = "property",
            ["flywire.corridor"] = "residents-committee",
            ["*"] = "control-room",
        });

        Assert.Equal("residents-committee", teams.TeamFor("s", "flywire.corridor"));
        Assert.Equal("property", teams.TeamFor("s", "flywire.tap"));
        Assert.Equal("control-room", teams.TeamFor("s", "offline"));
    }

    [Fact]
    public void TeamFor_LongestPrefix_Wins()
    {
        var teams = new TeamMap(global: new Dictionary<string, string>
        {
            ["thermal.*"] = "fire-safety",
            ["thermal.ri*"] = "night-watch",
        });

        Assert.Equal("night-watch", teams.TeamFor("s", "thermal.rise"));
        Assert.Equal("fire-safety", teams.TeamFor("s", "thermal.high"));
    }
}
