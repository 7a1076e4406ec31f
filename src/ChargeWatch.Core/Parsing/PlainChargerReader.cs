using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Readings;
using static ChargeWatch.Core.Parsing.PayloadLimits;

namespace ChargeWatch.Core.Parsing;

/// <summary>
/// Accept-only fast path for charger payloads, the bulk of all traffic. It reads the shape chargers
/// send — the known fields, plain strings, plain numbers — and returns a reading only when the
/// payload is valid and every value within bounds. On anything else (an unknown or escaped field,
/// <c>null</c>, an exponent, a bad value, malformed JSON) it returns false, and the caller parses the
/// payload again with <see cref="Utf8JsonReader"/>, which alone decides rejections and their reasons.
/// Tokenising with Utf8JsonReader was half of the parsing cost; this scanner needs a fraction of it.
/// Not thread-safe.
/// </summary>
internal sealed class PlainChargerReader(StringPool strings)
{
    private const int MaxPooledShedLength = 64;

    // Ports are read straight into their slot here, then copied once into the reading's own array.
    private readonly PortReading[] _ports = new PortReading[MaxPort];
    private int _portCount;

    public bool TryRead(ReadOnlySpan<byte> payload, DeviceKey device, [NotNullWhen(true)] out ChargerReading? reading)
    {
        reading = null;
        var json = new PlainJsonCursor(payload);
        DateTimeOffset? timestamp = null;
        long? seq = null;
        string? shed = null;
        double? cabinetTemp = null;
        var sawPorts = false;
        if (!json.TryConsume((byte)'{'))
        {
            return false;
        }
        var more = !json.TryConsume((byte)'}');
        while (more)
        {
            if (!json.TryReadField(out var field))
            {
                return false;
            }
            switch (field)
            {
                case PayloadField.Ts:
                    if (!TryReadTimestamp(ref json, out var ts)) { return false; }
                    timestamp = ts;
                    break;
                case PayloadField.Seq:
                    if (!json.TryReadSmallInteger(out var s)) { return false; }
                    seq = s;
                    break;
                case PayloadField.Shed:
                    if (!json.TryReadString(out var text) || text.Length is 0 or > MaxPooledShedLength) { return false; }
                    shed = strings.GetAscii(text);
                    break;
                case PayloadField.TempC:
                    if (!json.TryReadNumber(out var temp) || temp is < MinTempC or > MaxTempC) { return false; }
                    cabinetTemp = temp;
                    break;
                case PayloadField.Ports:
                    // A second "ports" array is joined to the first by the general path; leave that to it.
                    if (sawPorts || !TryReadPorts(ref json)) { return false; }
                    sawPorts = true;
                    break;
                default:
                    return false;
            }
            if (!json.TryConsume((byte)','))
            {
                more = false;
                if (!json.TryConsume((byte)'}'))
                {
                    return false;
                }
            }
        }
        if (!json.AtEnd() || timestamp is null || !sawPorts)
        {
            return false;
        }
        reading = new ChargerReading(device, timestamp.Value, seq, shed, cabinetTemp, _ports.AsSpan(0, _portCount).ToArray());
        return true;
    }

    private bool TryReadPorts(ref PlainJsonCursor json)
    {
        _portCount = 0;
        var seenPorts = 0UL;
        if (!json.TryConsume((byte)'['))
        {
            return false;
        }
        if (json.TryConsume((byte)']'))
        {
            return true;
        }
        do
        {
            if (_portCount == MaxPort || !TryReadPort(ref json, out _ports[_portCount]))
            {
                return false;
            }
            var bit = 1UL << (_ports[_portCount].Port - 1);
            if ((seenPorts & bit) != 0)
            {
                return false;
            }
            seenPorts |= bit;
            _portCount++;
        }
        while (json.TryConsume((byte)','));
        return json.TryConsume((byte)']');
    }

    private static bool TryReadPort(ref PlainJsonCursor cursor, out PortReading port)
    {
        var json = cursor;
        port = default;
        long? number = null;
        double? amps = null, volts = null, watts = null, wattHours = null, temp = null;
        var state = PortState.Unknown;
        if (!json.TryConsume((byte)'{'))
        {
            return false;
        }
        var more = !json.TryConsume((byte)'}');
        while (more)
        {
            if (!json.TryReadField(out var field))
            {
                return false;
            }
            if (field == PayloadField.Port)
            {
                if (!json.TryReadSmallInteger(out var n) || n is < 1 or > MaxPort) { return false; }
                number = n;
            }
            else if (field == PayloadField.State)
            {
                if (!json.TryReadString(out var text) || !TryParseState(text, out state)) { return false; }
            }
            else
            {
                // The other fields are numbers: one read for all of them keeps a single copy of the
                // inlined number scanner in this loop, small enough for the cursor to stay in registers.
                if (!json.TryReadNumber(out var value)) { return false; }
                switch (field)
                {
                    case PayloadField.A:
                        if (value is < 0 or > MaxAmps) { return false; }
                        amps = value;
                        break;
                    case PayloadField.V:
                        if (value is < -MaxAbsVolts or > MaxAbsVolts) { return false; }
                        volts = value;
                        break;
                    case PayloadField.W:
                        if (value is < 0 or > MaxWatts) { return false; }
                        watts = value;
                        break;
                    case PayloadField.Wh:
                        if (value is < 0 or > MaxWattHours) { return false; }
                        wattHours = value;
                        break;
                    case PayloadField.TempC:
                        if (value is < MinTempC or > MaxTempC) { return false; }
                        temp = value;
                        break;
                    default:
                        return false;
                }
            }
            if (!json.TryConsume((byte)','))
            {
                more = false;
                if (!json.TryConsume((byte)'}'))
                {
                    return false;
                }
            }
        }
        if (number is null || amps is null)
        {
            return false;
        }
        port = new PortReading((int)number.Value, amps.Value, state, volts, watts, wattHours, temp);
        cursor = json;
        return true;
    }

    private static bool TryParseState(ReadOnlySpan<byte> text, out PortState state)
    {
        state = text.Length switch
        {
            8 when text.SequenceEqual("charging"u8) => PortState.Charging,
            4 when text.SequenceEqual("idle"u8) => PortState.Idle,
            4 when text.SequenceEqual("full"u8) => PortState.Full,
            5 when text.SequenceEqual("fault"u8) => PortState.Fault,
            3 when text.SequenceEqual("off"u8) => PortState.Off,
            _ => PortState.Unknown,
        };
        return state != PortState.Unknown;
    }

    /// <summary>
    /// Timestamps go through the general path's own reading (<see cref="JsonValues.Timestamp"/>) on a
    /// reader over just this token, so both forms and every bound stay exactly as they are there.
    /// </summary>
    private static bool TryReadTimestamp(ref PlainJsonCursor json, out DateTimeOffset timestamp)
    {
        timestamp = default;
        ReadOnlySpan<byte> token;
        if (json.Peek() == (byte)'"')
        {
            if (!json.TryReadStringToken(out token)) { return false; }
        }
        else if (!json.TryReadNumberToken(out token))
        {
            return false;
        }
        var reader = new Utf8JsonReader(token);
        try
        {
            reader.Read();
            timestamp = JsonValues.Timestamp(ref reader);
            return true;
        }
        catch (ParseException)
        {
            return false;
        }
    }
}
