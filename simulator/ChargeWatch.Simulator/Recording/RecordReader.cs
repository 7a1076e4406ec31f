using System.IO.Compression;
using System.Text.Json;

namespace ChargeWatch.Simulator.Recording;

/// <summary>Reads a JSONL recording (gzip detected by its magic bytes), skipping blank lines.</summary>
public static class RecordReader
{
    public static IEnumerable<RecordLine> Read(string path)
    {
        using var file = File.OpenRead(path);
        var gzip = file.ReadByte() == 0x1f && file.ReadByte() == 0x8b;
        file.Position = 0;
        using var stream = gzip ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        using var reader = new StreamReader(stream);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            RecordLine? record;
            try
            {
                record = JsonSerializer.Deserialize<RecordLine>(line, RecordLine.JsonOptions);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{path}:{number}: not a recording line ({e.Message})", e);
            }
            if (record is not null)
            {
                yield return record;
            }
        }
    }
}
