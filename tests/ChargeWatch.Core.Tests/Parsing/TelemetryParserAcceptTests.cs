using System.Buffers;
using System.Text;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Parsing;
using ChargeWatch.Core.Readings;
using static ChargeWatch.Core.Tests.Parsing.SamplePayloads;

namespace ChargeWatch.Core.Tests.Parsing;

public class TelemetryParserAcceptTests
{
    private readonly TelemetryParser _parser = new();

    private T Parse<T>(DeviceKind kind, string json) where T : Reading => _parser.ParseAccepted<T>(kind, json);

    [Fact]
    public void TryParse_ContractCharger_ReadsEveryField()
    {
        var reading = Parse<ChargerReading>(DeviceKind.Charger, Charger);

        Assert.Equal(new DateTimeOffset(2026, 7, 8, 21, 30, 0, TimeSpan.FromHours(8)), reading.Timestamp);
        Assert.Equal(TimeSpan.FromHours(8), reading.Timestamp.Offset);
        Assert.Equal(1234, reading.Seq);
        Assert.Equal("shed-a", reading.Shed);
        Assert.Equal(35.0, reading.CabinetTempC);
        Assert.Equal(
            [new PortReading(1, 1.12, PortState.Charging, 221.3, 231.5, 512.0, 31.5),
             new PortReading(2, 0.0, PortState.Idle, 221.3, 0.0, 10.2, null)],
            reading.Ports);
        Assert.Equal(1.12, reading.TotalAmps, 9);
        Assert.Equal(231.5, reading.TotalWatts, 9);
    }

    [Fact]
    public void TryParse_ContractFeeder_ReadsEveryField()
    {
        var reading = Parse<FeederReading>(DeviceKind.Feeder, Feeder);

        Assert.Equal((7L, "shed-a", 230.1, 12.4, 2710.0, 81234.0, 3.5),
            (reading.Seq!.Value, reading.Shed, reading.Volts!.Value, reading.Amps, reading.Watts!.Value, reading.WattHours!.Value, reading.LeakMilliamps!.Value));
    }

    [Fact]
    public void TryParse_ContractMeter_ReadsEveryField()
    {
        var reading = Parse<MeterReading>(DeviceKind.Meter, Meter);

        Assert.Equal((412.0, 229.8, 2.61, 0.62, 5123.0, MeterRole.Corridor, "6", "6-602"),
            (reading.Watts, reading.Volts!.Value, reading.Amps!.Value, reading.PowerFactor!.Value, reading.WattHours!.Value, reading.Role!.Value, reading.Building, reading.Unit));
    }

    [Fact]
    public void TryParse_ContractSensor_ReadsEveryField()
    {
        var reading = Parse<SensorReading>(DeviceKind.Sensor, Sensor);

        Assert.Equal(("shed-b", 41.5, true), (reading.Shed, reading.TempC!.Value, reading.Smoke!.Value));
    }

    [Fact]
    public void TryParse_MinimalPayloads_LeaveOptionalFieldsAbsentNotZero()
    {
        var meter = Parse<MeterReading>(DeviceKind.Meter, "{\"ts\":1783517400000,\"w\":5}");
        var port = Parse<ChargerReading>(DeviceKind.Charger, "{\"ts\":1783517400000,\"ports\":[{\"port\":3,\"a\":0.5}]}").Ports[0];
        var sensor = Parse<SensorReading>(DeviceKind.Sensor, "{\"ts\":1783517400000}");

        Assert.Equal((null, null, null, null, (MeterRole?)null, (long?)null), (meter.Volts, meter.Amps, meter.PowerFactor, meter.WattHours, meter.Role, meter.Seq));
        Assert.Equal(new PortReading(3, 0.5), port);
        Assert.Null(port.EffectiveWatts);
        Assert.Equal(((double?)null, (bool?)null), (sensor.TempC, sensor.Smoke));
    }

    [Fact]
    public void TryParse_EpochMilliseconds_IsUtcEventTime()
    {
        var reading = Parse<MeterReading>(DeviceKind.Meter, $"{{\"ts\":{TsMs},\"w\":1}}");

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(TsMs), reading.Timestamp);
        Assert.Equal(TsMs, reading.UnixMilliseconds);
    }

    [Theory]
    [InlineData("2026-07-08T13:30:00Z")]
    [InlineData("2026-07-08T13:30:00.000Z")]
    [InlineData("2026-07-08T21:30:00+08:00")]
    [InlineData("2026-07-08T08:30:00.000-05:00")]
    public void TryParse_Rfc3339Offsets_AllMeanTheSameInstant(string ts)
    {
        var reading = Parse<MeterReading>(DeviceKind.Meter, $"{{\"ts\":\"{ts}\",\"w\":1}}");

        Assert.Equal(TsMs, reading.UnixMilliseconds);
    }

    [Fact]
    public void TryParse_UnknownFieldsAndNulls_AreIgnored()
    {
        var reading = Parse<FeederReading>(DeviceKind.Feeder,
            $"{{{Ts},\"a\":1.5,\"extra\":{{\"nested\":[1,2,{{\"x\":null}}]}},\"leakMa\":null,\"fw\":\"1.2\"}}");

        Assert.Equal(1.5, reading.Amps);
        Assert.Null(reading.LeakMilliamps);
    }

    [Fact]
    public void TryParse_ChargerPortsMissingVoltsAndPower_StillAccepted()
    {
        var reading = Parse<ChargerReading>(DeviceKind.Charger, $"{{{Ts},\"ports\":[{{\"port\":64,\"a\":2,\"v\":220}}]}}");

        Assert.Equal(440.0, reading.Ports[0].EffectiveWatts);
        Assert.Equal(440.0, reading.TotalWatts);
    }

    [Fact]
    public void TryParse_MultiSegmentSequence_MatchesContiguousParse()
    {
        var bytes = Encoding.UTF8.GetBytes(Charger);
        var sequence = Segments.Split(bytes, 7);

        Assert.True(_parser.TryParse(Address(DeviceKind.Charger), sequence, out var reading, out var error), error.ToString());

        var contiguous = Parse<ChargerReading>(DeviceKind.Charger, Charger);
        Assert.Equal(contiguous.Ports, Assert.IsType<ChargerReading>(reading).Ports);
    }

    [Fact]
    public void TryParse_RepeatedShedNames_ReturnTheSameStringInstance()
    {
        var first = Parse<ChargerReading>(DeviceKind.Charger, Charger);
        var second = Parse<ChargerReading>(DeviceKind.Charger, Charger);

        Assert.Same(first.Shed, second.Shed);
    }

    private static class Segments
    {
        public static ReadOnlySequence<byte> Split(byte[] bytes, int size)
        {
            Segment? first = null, last = null;
            for (var i = 0; i < bytes.Length; i += size)
            {
                var chunk = bytes.AsMemory(i, Math.Min(size, bytes.Length - i));
                if (first is null)
                {
                    first = last = new Segment(chunk, 0);
                }
                else
                {
                    last = last!.Append(chunk);
                }
            }
            return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
        }

        private sealed class Segment : ReadOnlySequenceSegment<byte>
        {
            public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
            {
                Memory = memory;
                RunningIndex = runningIndex;
            }

            public Segment Append(ReadOnlyMemory<byte> memory)
            {
                var next = new Segment(memory, RunningIndex + Memory.Length);
                Next = next;
                return next;
            }
        }
    }
}
