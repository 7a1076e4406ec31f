using System.Buffers;

namespace ChargeWatch.Core.Parsing;

/// <summary>Parses the plain-text <c>online</c>/<c>offline</c> payload of a status topic (contract §1).</summary>
public static class StatusParser
{
    public static bool TryParse(ReadOnlySequence<byte> payload, out bool online, out ParseError error)
    {
        Span<byte> buffer = stackalloc byte[16];
        if (payload.Length > buffer.Length)
        {
            online = false;
            error = new ParseError(RejectReason.InvalidStatus, "status");
            return false;
        }
        payload.CopyTo(buffer);
        return TryParse(buffer[..(int)payload.Length], out online, out error);
    }

    public static bool TryParse(ReadOnlySpan<byte> payload, out bool online, out ParseError error)
    {
        var text = payload.Trim(" \t\r\n"u8);
        online = text.SequenceEqual("online"u8);
        if (online || text.SequenceEqual("offline"u8))
        {
            error = default;
            return true;
        }
        error = new ParseError(RejectReason.InvalidStatus, "status");
        return false;
    }
}
