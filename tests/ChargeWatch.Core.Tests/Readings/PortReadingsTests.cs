using System.Runtime.CompilerServices;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Readings;

namespace ChargeWatch.Core.Tests.Readings;

public class PortReadingsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 7, 8, 21, 30, 0, TimeSpan.FromHours(8));

    private static readonly ChargerReading Reading = new(
        new DeviceKey("dongyuan-1", DeviceKind.Charger, "shed-a-c01"), T0, null, "shed-a", null,
        [new PortReading(1, 1.5, PortState.Charging), new PortReading(2, 0.0, PortState.Idle), new PortReading(3, 0.25)]);

    [Fact]
    public void Foreach_OverPorts_AllocatesNothing()
    {
        SumAmps(Reading);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var amps = 0.0;
        for (var i = 0; i < 1000; i++)
        {
            amps += SumAmps(Reading);
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(1750.0, amps, 9);
    }

    [Fact]
    public void Foreach_YieldsThePortsInOrder()
    {
        var ports = new List<int>();
        foreach (var port in Reading.Ports)
        {
            ports.Add(port.Port);
        }

        Assert.Equal([1, 2, 3], ports);
        Assert.Equal(ports, Reading.Ports.Select(p => p.Port));
    }

    [Fact]
    public void Default_HasNoPorts()
    {
        var ports = default(PortReadings);

        Assert.Empty(ports);
        Assert.True(ports.AsSpan().IsEmpty);
        Assert.False(ports.GetEnumerator().MoveNext());
    }

    // Unoptimised on purpose: with tiered PGO the .NET 10 JIT can stack-allocate an array's boxed
    // enumerator behind IReadOnlyList, so an optimised loop would pass even if Ports went back to
    // the interface. Unoptimised, only a struct enumerator keeps foreach allocation-free.
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.NoOptimization)]
    private static double SumAmps(ChargerReading reading)
    {
        var amps = 0.0;
        foreach (var port in reading.Ports)
        {
            amps += port.Amps;
        }
        return amps;
    }
}
