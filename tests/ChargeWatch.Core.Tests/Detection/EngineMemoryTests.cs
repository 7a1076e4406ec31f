using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Detection;
using ChargeWatch.Core.Readings;
using ChargeWatch.Core.Sites;

namespace ChargeWatch.Core.Tests.Detection;

// GC.GetTotalMemory counts the whole process's heap, so a test running beside this one
// (a model built, a night simulated) lands in the measurement; this test runs alone.
[Collection(HeapMeasurementCollection.Name)]
public class EngineMemoryTests
{
    [Fact]
    public void State_TenPortChargersWithTemperatures_UnderOneKilobytePerPort()
    {
        const int chargers = 2_000;
        const int ports = 10;
        var changes = new List<AlertMessage>();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var engine = new DetectionEngine(SiteDirectory.Defaults);

        for (var round = 0; round < 20; round++)
        {
            for (var c = 0; c < chargers; c++)
            {
                var portReadings = new PortReading[ports];
                for (var p = 0; p < ports; p++)
                {
                    portReadings[p] = new PortReading(p + 1, 1.0 + p * 0.05, PortState.Charging, 220, null, 100, 30 + round * 0.1);
                }
                engine.OnReading(new ChargerReading(new DeviceKey("mem", DeviceKind.Charger, "c" + c), Make.At(round * 10), round, "shed-" + c / 10, 35, portReadings), changes);
            }
            engine.OnWatermark("mem", Make.At(round * 10), changes);
        }

        var perPort = (GC.GetTotalMemory(forceFullCollection: true) - before) / (double)(chargers * ports);
        GC.KeepAlive(engine);
        Assert.Empty(changes);
        Assert.InRange(perPort, 1, 1024);
    }
}
