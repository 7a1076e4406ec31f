using ChargeWatch.Core.Contract;

namespace ChargeWatch.Core.Tests.Contract;

public class TopicParserTests
{
    [Theory]
    [InlineData("chargewatch/dongyuan-1/charger/shed-a-c01/telemetry", "dongyuan-1", DeviceKind.Charger, "shed-a-c01", Channel.Telemetry)]
    [InlineData("chargewatch/s_2/feeder/F.1/status", "s_2", DeviceKind.Feeder, "F.1", Channel.Status)]
    [InlineData("chargewatch/a/meter/6-602/telemetry", "a", DeviceKind.Meter, "6-602", Channel.Telemetry)]
    [InlineData("chargewatch/a/sensor/smoke1/cmd", "a", DeviceKind.Sensor, "smoke1", Channel.Command)]
    public void TryParse_ContractTopics_Parsed(string topic, string site, DeviceKind kind, string device, Channel channel)
    {
        Assert.True(new TopicParser().TryParse(topic, out var address));
        Assert.Equal(new TopicAddress(new DeviceKey(site, kind, device), channel), address);
    }

    [Theory]
    [InlineData("")]
    [InlineData("chargewatch")]
    [InlineData("chargewatch/site/charger/dev")]
    [InlineData("chargewatch/site/charger/dev/telemetry/extra")]
    [InlineData("chargewatch/site/charger/dev/telemetry/")]
    [InlineData("/chargewatch/site/charger/dev/telemetry")]
    [InlineData("other/site/charger/dev/telemetry")]
    [InlineData("chargewatch/Site/charger/dev/telemetry")]
    [InlineData("chargewatch/site/toaster/dev/telemetry")]
    [InlineData("chargewatch/site/charger/dev/reading")]
    [InlineData("chargewatch/site/charger/dev ice/telemetry")]
    [InlineData("chargewatch//charger/dev/telemetry")]
    [InlineData("chargewatch/site/alerts/overcurrent")]
    public void TryParse_OtherTopics_AreUnroutable(string topic) =>
        Assert.False(new TopicParser().TryParse(topic, out _));

    [Fact]
    public void TryParse_NamesLongerThan64_AreUnroutable()
    {
        var longName = new string('a', 65);

        Assert.False(new TopicParser().TryParse($"chargewatch/{longName}/meter/m/telemetry", out _));
        Assert.False(new TopicParser().TryParse($"chargewatch/s/meter/{longName}/telemetry", out _));
        Assert.True(new TopicParser().TryParse($"chargewatch/{longName[..64]}/meter/{longName[..64]}/telemetry", out _));
    }

    [Fact]
    public void TryParse_SameTopicTwice_ReturnsCachedStrings()
    {
        var parser = new TopicParser();
        Assert.True(parser.TryParse("chargewatch/s/meter/m1/telemetry", out var first));
        Assert.True(parser.TryParse(new string("chargewatch/s/meter/m1/telemetry".AsSpan()), out var second));

        Assert.Same(first.DeviceId, second.DeviceId);
    }

    [Fact]
    public void Topics_RoundTripThroughParser()
    {
        var device = new DeviceKey("dongyuan-1", DeviceKind.Feeder, "shed-a-f");

        Assert.True(TopicParser.TryParseUncached(Topics.Telemetry(device), out var telemetry));
        Assert.True(TopicParser.TryParseUncached(Topics.Status(device), out var status));
        Assert.Equal((device, Channel.Telemetry), (telemetry.Device, telemetry.Channel));
        Assert.Equal((device, Channel.Status), (status.Device, status.Channel));
        Assert.Equal("chargewatch/dongyuan-1/alerts/flywire.tap", Topics.Alert("dongyuan-1", "flywire.tap"));
        Assert.Equal("chargewatch/dongyuan-1/charger/c1/cmd", Topics.Command("dongyuan-1", "c1"));
    }
}
