using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Detection;

namespace ChargeWatch.Worker.Detection;

/// <summary>
/// The records of <c>alerts/state.journal</c>, one per alert state change in the order the changes
/// were applied: [payload length, uint32 LE][CRC-32C of kind and payload, uint32 LE][kind: 'F'
/// firing or 'R' resolved][payload: a firing alert as a one-element <see cref="AlertStateJson"/>
/// array, a resolve as the alert's UTF-8 id]. Length and checksum show where a write that a crash
/// cut short begins; everything from there on is ignored.
/// </summary>
internal static class AlertJournalRecord
{
    private const int HeaderLength = 9;
    private const byte FiringKind = (byte)'F';
    private const byte ResolvedKind = (byte)'R';
    // One alert is well under a kilobyte; a larger length is damage, not a record.
    private const int MaxPayloadLength = 1 << 20;

    public static void Write(AlertMessage change, ArrayBufferWriter<byte> output)
    {
        var payload = change.Status == AlertStatus.Firing ? AlertStateJson.Write([change]) : Encoding.UTF8.GetBytes(change.Id);
        var record = output.GetSpan(HeaderLength + payload.Length)[..(HeaderLength + payload.Length)];
        record[8] = change.Status == AlertStatus.Firing ? FiringKind : ResolvedKind;
        payload.CopyTo(record[HeaderLength..]);
        BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(record[4..], Crc32C.Compute(record[8..]));
        output.Advance(record.Length);
    }

    /// <summary>
    /// Applies the journal's records to <paramref name="active"/> in order, up to the first record
    /// that is incomplete or fails its checksum.
    /// </summary>
    public static JournalReplay Replay(ReadOnlySpan<byte> journal, Dictionary<string, AlertMessage> active)
    {
        var offset = 0;
        var applied = 0;
        var unreadable = 0;
        while (journal.Length - offset >= HeaderLength)
        {
            var header = journal[offset..];
            var length = BinaryPrimitives.ReadUInt32LittleEndian(header);
            if (length > MaxPayloadLength || length > journal.Length - offset - HeaderLength)
            {
                break;
            }
            var body = header.Slice(8, 1 + (int)length);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) != Crc32C.Compute(body) || body[0] is not (FiringKind or ResolvedKind))
            {
                break;
            }
            if (TryApply(body[0], body[1..], active))
            {
                applied++;
            }
            else
            {
                unreadable++;
            }
            offset += HeaderLength + (int)length;
        }
        return new JournalReplay(applied, unreadable, offset, journal.Length - offset);
    }

    // A whole record that still cannot be understood (e.g. written by another version) is skipped:
    // its checksum says the bytes after it are sound.
    private static bool TryApply(byte kind, ReadOnlySpan<byte> payload, Dictionary<string, AlertMessage> active)
    {
        if (kind == ResolvedKind)
        {
            active.Remove(Encoding.UTF8.GetString(payload));
            return true;
        }
        try
        {
            var alerts = AlertStateJson.Read(payload);
            foreach (var alert in alerts)
            {
                active[alert.Id] = alert;
            }
            return alerts.Count > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

/// <summary>What replaying a journal found: records applied, whole records skipped, bytes of intact records, bytes ignored after them.</summary>
internal readonly record struct JournalReplay(int Applied, int Unreadable, int IntactBytes, int IgnoredBytes);
