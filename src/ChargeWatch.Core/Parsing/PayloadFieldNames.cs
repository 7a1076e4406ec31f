using System.Text;
using System.Text.Json;

namespace ChargeWatch.Core.Parsing;

/// <summary>
/// The property names one JSON object of a payload understands (a charger, a port entry, …).
/// Identifies the name at the reader with one switch on length and first byte instead of a chain
/// of <see cref="Utf8JsonReader.ValueTextEquals(ReadOnlySpan{byte})"/> calls, which the profile
/// showed as a large share of parsing. Names that are escaped or split across payload segments
/// (rare) still go through that chain, in declaration order, so they behave exactly as before.
/// </summary>
internal sealed class PayloadFieldNames
{
    private readonly (byte[] Utf8, PayloadField Field)[] _names;
    private readonly uint _understood;

    public PayloadFieldNames(params PayloadField[] fields)
    {
        _names = [.. fields.Select(f => (Encoding.UTF8.GetBytes(NameOf(f)), f))];
        foreach (var field in fields)
        {
            _understood |= 1u << (int)field;
        }
    }

    public static PayloadFieldNames Charger { get; } = new(
        PayloadField.Ts, PayloadField.Seq, PayloadField.Ports, PayloadField.Shed, PayloadField.TempC);

    public static PayloadFieldNames PortEntry { get; } = new(
        PayloadField.Port, PayloadField.A, PayloadField.V, PayloadField.W, PayloadField.Wh, PayloadField.TempC, PayloadField.State);

    public static PayloadFieldNames Feeder { get; } = new(
        PayloadField.Ts, PayloadField.Seq, PayloadField.A, PayloadField.V, PayloadField.W, PayloadField.Wh, PayloadField.LeakMa, PayloadField.Shed);

    public static PayloadFieldNames Meter { get; } = new(
        PayloadField.Ts, PayloadField.Seq, PayloadField.W, PayloadField.V, PayloadField.A, PayloadField.Pf, PayloadField.Wh,
        PayloadField.Role, PayloadField.Building, PayloadField.Unit);

    public static PayloadFieldNames Sensor { get; } = new(
        PayloadField.Ts, PayloadField.Seq, PayloadField.TempC, PayloadField.Smoke, PayloadField.Shed);

    /// <summary>The field named by the property name at the reader; <see cref="PayloadField.Unknown"/> for names this object ignores.</summary>
    public PayloadField Of(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            foreach (var (utf8, field) in _names)
            {
                if (reader.ValueTextEquals(utf8))
                {
                    return field;
                }
            }
            return PayloadField.Unknown;
        }
        var known = Identify(reader.ValueSpan);
        return (_understood & (1u << (int)known)) != 0 ? known : PayloadField.Unknown;
    }

    /// <summary>Unescaped UTF-8 name to field, over all names of contract §2.</summary>
    internal static PayloadField Identify(ReadOnlySpan<byte> name) => name.Length switch
    {
        1 => name[0] switch
        {
            (byte)'a' => PayloadField.A,
            (byte)'v' => PayloadField.V,
            (byte)'w' => PayloadField.W,
            _ => PayloadField.Unknown,
        },
        2 => name[0] switch
        {
            (byte)'t' => Confirm(name, "ts"u8, PayloadField.Ts),
            (byte)'w' => Confirm(name, "wh"u8, PayloadField.Wh),
            (byte)'p' => Confirm(name, "pf"u8, PayloadField.Pf),
            _ => PayloadField.Unknown,
        },
        3 => Confirm(name, "seq"u8, PayloadField.Seq),
        4 => name[0] switch
        {
            (byte)'p' => Confirm(name, "port"u8, PayloadField.Port),
            (byte)'s' => Confirm(name, "shed"u8, PayloadField.Shed),
            (byte)'r' => Confirm(name, "role"u8, PayloadField.Role),
            (byte)'u' => Confirm(name, "unit"u8, PayloadField.Unit),
            _ => PayloadField.Unknown,
        },
        5 => name[0] switch
        {
            (byte)'t' => Confirm(name, "tempC"u8, PayloadField.TempC),
            (byte)'p' => Confirm(name, "ports"u8, PayloadField.Ports),
            (byte)'s' when name[1] == (byte)'t' => Confirm(name, "state"u8, PayloadField.State),
            (byte)'s' => Confirm(name, "smoke"u8, PayloadField.Smoke),
            _ => PayloadField.Unknown,
        },
        6 => Confirm(name, "leakMa"u8, PayloadField.LeakMa),
        8 => Confirm(name, "building"u8, PayloadField.Building),
        _ => PayloadField.Unknown,
    };

    /// <summary>The property name of a field as contract §2 spells it.</summary>
    internal static string NameOf(PayloadField field) => field switch
    {
        PayloadField.Ts => "ts",
        PayloadField.Seq => "seq",
        PayloadField.Shed => "shed",
        PayloadField.TempC => "tempC",
        PayloadField.Ports => "ports",
        PayloadField.Port => "port",
        PayloadField.State => "state",
        PayloadField.A => "a",
        PayloadField.V => "v",
        PayloadField.W => "w",
        PayloadField.Wh => "wh",
        PayloadField.LeakMa => "leakMa",
        PayloadField.Pf => "pf",
        PayloadField.Role => "role",
        PayloadField.Building => "building",
        PayloadField.Unit => "unit",
        PayloadField.Smoke => "smoke",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    private static PayloadField Confirm(ReadOnlySpan<byte> name, ReadOnlySpan<byte> expected, PayloadField field) =>
        name.SequenceEqual(expected) ? field : PayloadField.Unknown;
}
