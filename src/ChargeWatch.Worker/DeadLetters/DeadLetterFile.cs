using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ChargeWatch.Core.Parsing;

namespace ChargeWatch.Worker.DeadLetters;

/// <summary>
/// Appends rejected messages to <c>deadletters.jsonl</c>, one JSON object a line: topic, reason,
/// field, receive time and the payload (as text when it is valid UTF-8, else base64). Rotates by
/// size to <c>deadletters.1.jsonl</c> … <c>deadletters.{MaxFiles}.jsonl</c>, dropping the oldest,
/// so the disk use stays bounded whatever devices send. Each record is flushed to the operating
/// system before the message is acknowledged. Not thread-safe: owned by the pipeline thread.
/// </summary>
public sealed class DeadLetterFile : IDisposable
{
    public const string FileName = "deadletters.jsonl";

    // Dead letters are read by people: keep quotes and '+' readable; the file is never embedded in HTML.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly string _directory;
    private readonly long _maxBytes;
    private readonly int _maxFiles;
    private readonly ArrayBufferWriter<byte> _record = new(4096);
    private FileStream? _file;

    public DeadLetterFile(string directory, long maxBytes, int maxFiles)
    {
        _directory = directory;
        _maxBytes = maxBytes;
        _maxFiles = maxFiles;
    }

    public string CurrentPath => Path.Combine(_directory, FileName);

    public void Append(string topic, ParseError error, ReadOnlySpan<byte> payload, long payloadLength, DateTimeOffset receivedAt)
    {
        _record.Clear();
        using (var json = new Utf8JsonWriter(_record, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("receivedAt", receivedAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
            json.WriteString("topic", topic);
            json.WriteString("reason", error.Reason.ToName());
            if (error.Field is null)
            {
                json.WriteNull("field");
            }
            else
            {
                json.WriteString("field", error.Field);
            }
            json.WriteNumber("size", payloadLength);
            if (payload.Length == 0 && payloadLength > 0)
            {
                json.WriteNull("payload"); // too large: never read
            }
            else if (IsUtf8(payload))
            {
                json.WriteString("payload", payload);
            }
            else
            {
                json.WriteBase64String("payloadBase64", payload);
            }
            json.WriteEndObject();
        }
        _record.Write("\n"u8);

        var file = Open();
        if (file.Length > 0 && file.Length + _record.WrittenCount > _maxBytes)
        {
            Rotate();
            file = Open();
        }
        file.Write(_record.WrittenSpan);
        file.Flush();
    }

    public void Dispose()
    {
        _file?.Dispose();
        _file = null;
    }

    private FileStream Open()
    {
        if (_file is null)
        {
            Directory.CreateDirectory(_directory);
            _file = new FileStream(CurrentPath, FileMode.Append, FileAccess.Write, FileShare.Read, 16 * 1024);
        }
        return _file;
    }

    private void Rotate()
    {
        Dispose();
        var oldest = RotatedPath(_maxFiles);
        if (File.Exists(oldest))
        {
            File.Delete(oldest);
        }
        for (var i = _maxFiles - 1; i >= 1; i--)
        {
            var from = RotatedPath(i);
            if (File.Exists(from))
            {
                File.Move(from, RotatedPath(i + 1));
            }
        }
        File.Move(CurrentPath, RotatedPath(1));
    }

    private string RotatedPath(int index) =>
        Path.Combine(_directory, string.Create(CultureInfo.InvariantCulture, $"deadletters.{index}.jsonl"));

    private static bool IsUtf8(ReadOnlySpan<byte> payload)
    {
        try
        {
            StrictUtf8.GetCharCount(payload);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
