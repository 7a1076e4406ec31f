using ChargeWatch.Core.Readings;

namespace ChargeWatch.Core.Points;

/// <summary>
/// Maps readings to the InfluxDB schema of contract §7. Pure: the same reading always gives the
/// same lines, so a redelivered reading overwrites its own points instead of adding new ones.
/// </summary>
public sealed class ReadingPointMapper(IDeviceDirectory directory)
{
    private static readonly string[] PortNumbers = [.. Enumerable.Range(0, 65).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    public ReadingPointMapper() : this(EmptyDeviceDirectory.Instance)
    {
    }

    /// <summary>Appends the reading's points; returns how many lines were added.</summary>
    public int Append(Reading reading, LineProtocolBuffer lines)
    {
        var before = lines.LineCount;
        var configured = directory.Find(reading.Device);
        switch (reading)
        {
            case ChargerReading charger: AppendCharger(charger, configured.Shed ?? charger.Shed, lines); break;
            case FeederReading feeder: AppendFeeder(feeder, configured.Shed ?? feeder.Shed, lines); break;
            case MeterReading meter: AppendMeter(meter, configured, lines); break;
            case SensorReading sensor: AppendSensor(sensor, configured.Shed ?? sensor.Shed, lines); break;
        }
        return lines.LineCount - before;
    }

    /// <summary>Resolved shed of a reading: configuration first, then the payload.</summary>
    public string? ShedOf(Reading reading) => directory.Find(reading.Device).Shed ?? reading switch
    {
        ChargerReading c => c.Shed,
        FeederReading f => f.Shed,
        SensorReading s => s.Shed,
        _ => null,
    };

    private static void AppendCharger(ChargerReading reading, string? shed, LineProtocolBuffer lines)
    {
        var ms = reading.UnixMilliseconds;
        // Port lines differ only in the port number and the fields: the text before the number
        // ("port,charger=…,port=") and after it (",shed=…,site=…") is written once, then copied.
        var template = default(PortLineTemplate);
        foreach (ref readonly var port in reading.Ports)
        {
            var linesBefore = lines.LineCount;
            var lineStart = lines.Length;
            var candidate = template;
            var number = PortNumbers[port.Port];
            if (template.IsEmpty)
            {
                lines.BeginLine("port").Tag("charger", reading.DeviceId).Tag("port", number);
                // The port tag's value is its digits, never escaped: the head ends right before them.
                var tailStart = lines.Length;
                var headEnd = tailStart - number.Length;
                lines.Tag("shed", shed).Tag("site", reading.Site);
                candidate = new PortLineTemplate(lineStart, headEnd - lineStart, tailStart, lines.Length - tailStart);
            }
            else
            {
                lines.BeginLineCopying(template.HeadStart, template.HeadLength)
                    .AppendDigits(number)
                    .AppendCopy(template.TailStart, template.TailLength);
            }
            lines.Field("v", port.Volts)
                .Field("a", port.Amps)
                .Field("w", port.Watts)
                .Field("wh", port.WattHours)
                .Field("tempC", port.TempC)
                .Field("state", port.State == PortState.Unknown ? null : port.State.ToContractName())
                .EndLine(ms);
            // Only a line that was kept leaves its text in the buffer to copy from.
            if (lines.LineCount > linesBefore)
            {
                template = candidate;
            }
        }
        lines.BeginLine("charger")
            .Tag("charger", reading.DeviceId)
            .Tag("shed", shed)
            .Tag("site", reading.Site)
            .Field("tempC", reading.CabinetTempC)
            .Field("w", reading.TotalWatts)
            .Field("a", reading.TotalAmps)
            .EndLine(ms);
    }

    private static void AppendFeeder(FeederReading reading, string? shed, LineProtocolBuffer lines) =>
        lines.BeginLine("feeder")
            .Tag("feeder", reading.DeviceId)
            .Tag("shed", shed)
            .Tag("site", reading.Site)
            .Field("v", reading.Volts)
            .Field("a", reading.Amps)
            .Field("w", reading.Watts)
            .Field("wh", reading.WattHours)
            .Field("leakMa", reading.LeakMilliamps)
            .EndLine(reading.UnixMilliseconds);

    private static void AppendMeter(MeterReading reading, DeviceTags configured, LineProtocolBuffer lines) =>
        lines.BeginLine("meter")
            .Tag("building", configured.Building ?? reading.Building)
            .Tag("meter", reading.DeviceId)
            .Tag("role", (configured.Role ?? reading.Role ?? MeterRole.Household).ToContractName())
            .Tag("site", reading.Site)
            .Tag("unit", configured.Unit ?? reading.Unit)
            .Field("w", reading.Watts)
            .Field("v", reading.Volts)
            .Field("a", reading.Amps)
            .Field("pf", reading.PowerFactor)
            .Field("wh", reading.WattHours)
            .EndLine(reading.UnixMilliseconds);

    private static void AppendSensor(SensorReading reading, string? shed, LineProtocolBuffer lines) =>
        lines.BeginLine("sensor")
            .Tag("sensor", reading.DeviceId)
            .Tag("shed", shed)
            .Tag("site", reading.Site)
            .Field("tempC", reading.TempC)
            .Field("smoke", reading.Smoke)
            .EndLine(reading.UnixMilliseconds);
}
