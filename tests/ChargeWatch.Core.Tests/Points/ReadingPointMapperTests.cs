using System.Text;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Parsing;
using ChargeWatch.Core.Points;
using ChargeWatch.Core.Readings;
using ChargeWatch.Core.Tests.Parsing;

namespace ChargeWatch.Core.Tests.Points;

public class ReadingPointMapperTests
{
    private static Reading Parse(DeviceKind kind, string json, string device = "dev-1")
    {
        Assert.True(new TelemetryParser().TryParse(SamplePayloads.Address(kind, device), Encoding.UTF8.GetBytes(json), out var reading, out var error), error.ToString());
        return reading;
    }

    private static string Map(Reading reading, IDeviceDirectory? directory = null)
    {
        var lines = new LineProtocolBuffer();
        new ReadingPointMapper(directory ?? EmptyDeviceDirectory.Instance).Append(reading, lines);
        return lines.ToString();
    }

    [Fact]
    public void Append_ContractCharger_GivesPortAndChargerLines()
    {
        Assert.Equal(
            "port,charger=shed-a-c01,port=1,shed=shed-a,site=dongyuan-1 v=221.3,a=1.12,w=231.5,wh=512,tempC=31.5,state=\"charging\" 1783517400000\n" +
            "port,charger=shed-a-c01,port=2,shed=shed-a,site=dongyuan-1 v=221.3,a=0,w=0,wh=10.2,state=\"idle\" 1783517400000\n" +
            "charger,charger=shed-a-c01,shed=shed-a,site=dongyuan-1 tempC=35,w=231.5,a=1.12 1783517400000\n",
            Map(Parse(DeviceKind.Charger, SamplePayloads.Charger, "shed-a-c01")));
    }

    [Fact]
    public void Append_ContractFeederMeterSensor_FollowSchema()
    {
        Assert.Equal("feeder,feeder=dev-1,shed=shed-a,site=dongyuan-1 v=230.1,a=12.4,w=2710,wh=81234,leakMa=3.5 1783517400000\n",
            Map(Parse(DeviceKind.Feeder, SamplePayloads.Feeder)));
        Assert.Equal("meter,building=6,meter=dev-1,role=corridor,site=dongyuan-1,unit=6-602 w=412,v=229.8,a=2.61,pf=0.62,wh=5123 1783517400000\n",
            Map(Parse(DeviceKind.Meter, SamplePayloads.Meter)));
        Assert.Equal("sensor,sensor=dev-1,shed=shed-b,site=dongyuan-1 tempC=41.5,smoke=true 1783517400000\n",
            Map(Parse(DeviceKind.Sensor, SamplePayloads.Sensor)));
    }

    [Fact]
    public void Append_MeterWithoutRole_IsHousehold()
    {
        Assert.Equal("meter,meter=dev-1,role=household,site=dongyuan-1 w=5 1783517400000\n",
            Map(Parse(DeviceKind.Meter, "{\"ts\":1783517400000,\"w\":5}")));
    }

    [Fact]
    public void Append_ConfiguredTags_TakePrecedenceOverPayload()
    {
        var directory = new FixedDirectory(new DeviceTags(Shed: "shed-z", Role: MeterRole.Household, Building: "9", Unit: "9-101"));

        Assert.StartsWith("meter,building=9,meter=dev-1,role=household,site=dongyuan-1,unit=9-101 ", Map(Parse(DeviceKind.Meter, SamplePayloads.Meter), directory));
        Assert.StartsWith("sensor,sensor=dev-1,shed=shed-z,", Map(Parse(DeviceKind.Sensor, SamplePayloads.Sensor), directory));
    }

    [Fact]
    public void Append_SameReadingTwice_GivesIdenticalLines()
    {
        var reading = Parse(DeviceKind.Charger, SamplePayloads.Charger);

        Assert.Equal(Map(reading), Map(reading));
    }

    private sealed class FixedDirectory(DeviceTags tags) : IDeviceDirectory
    {
        public DeviceTags Find(DeviceKey device) => tags;
    }
}
