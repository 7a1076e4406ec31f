using System.Buffers.Binary;
using System.Numerics;

namespace ChargeWatch.Worker.Detection;

/// <summary>
/// CRC-32C over a span, on the CPU's CRC instruction where there is one (<see cref="BitOperations.Crc32C(uint, ulong)"/>):
/// the journal's check that a record is whole, without a package for one checksum.
/// </summary>
internal static class Crc32C
{
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = uint.MaxValue;
        while (data.Length >= sizeof(ulong))
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[sizeof(ulong)..];
        }
        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }
        return ~crc;
    }
}
