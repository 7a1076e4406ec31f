using System.Globalization;
using System.Text;

namespace ChargeWatch.Worker.Storage;

/// <summary>
/// Batches that could not be written, kept on disk in write order until InfluxDB takes them.
/// One file per batch, named by a rising number; each is written to a temporary name, flushed to
/// disk and only then renamed, and carries its byte length in a header line, so a file a crash left
/// half-written is recognised and ignored. The total size is capped: <see cref="TryAppend"/>
/// refuses when full, and the caller then stops acknowledging (back-pressure) instead of dropping.
/// Not thread-safe: owned by the writer.
/// </summary>
public sealed class DiskSpool
{
    private const string Extension = ".lp";
    private const string TempExtension = DurableFile.TemporaryExtension;
    private const string HeaderPrefix = "#chargewatch-spool v1 ";

    private readonly string _directory;
    private readonly long _maxBytes;
    private readonly SortedDictionary<long, long> _files = [];
    private long _nextNumber = 1;

    public DiskSpool(string directory, long maxBytes)
    {
        _directory = directory;
        _maxBytes = maxBytes;
        Directory.CreateDirectory(directory);
        foreach (var path in Directory.EnumerateFiles(directory))
        {
            var name = Path.GetFileName(path);
            if (name.EndsWith(TempExtension, StringComparison.Ordinal))
            {
                File.Delete(path); // a crash during TryAppend: this batch was never acknowledged
                continue;
            }
            if (name.EndsWith(Extension, StringComparison.Ordinal)
                && long.TryParse(name[..^Extension.Length], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                _files[number] = new FileInfo(path).Length;
                _nextNumber = Math.Max(_nextNumber, number + 1);
            }
        }
        Bytes = _files.Values.Sum();
    }

    public int Count => _files.Count;

    public long Bytes { get; private set; }

    public bool IsEmpty => _files.Count == 0;

    /// <summary>Writes the batch durably at the end of the spool; false when that would exceed the cap.</summary>
    public bool TryAppend(WriteBatch batch)
    {
        var body = batch.Utf8.Span;
        var header = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{HeaderPrefix}{body.Length} {batch.LineCount}\n"));
        var size = header.Length + body.Length;
        if (Bytes + size > _maxBytes)
        {
            return false;
        }
        var number = _nextNumber++;
        var path = PathOf(number);
        DurableFile.Write(path, header, body, replace: false);
        _files[number] = size;
        Bytes += size;
        return true;
    }

    /// <summary>
    /// The oldest intact batch. A file that is damaged (shorter than its header says, or without
    /// one) is renamed <c>.corrupt</c> and skipped.
    /// </summary>
    public bool TryPeekOldest(out WriteBatch batch)
    {
        while (_files.Count > 0)
        {
            var number = _files.Keys.First();
            if (TryRead(PathOf(number), out batch))
            {
                return true;
            }
            SetAside(number);
        }
        batch = WriteBatch.Empty(0);
        return false;
    }

    /// <summary>Deletes the oldest batch once InfluxDB has taken it.</summary>
    public void RemoveOldest()
    {
        if (_files.Count == 0)
        {
            return;
        }
        var number = _files.Keys.First();
        File.Delete(PathOf(number));
        Bytes -= _files[number];
        _files.Remove(number);
    }

    private void SetAside(long number)
    {
        var path = PathOf(number);
        if (File.Exists(path))
        {
            File.Move(path, path + ".corrupt", overwrite: true);
        }
        Bytes -= _files[number];
        _files.Remove(number);
    }

    private static bool TryRead(string path, out WriteBatch batch)
    {
        batch = WriteBatch.Empty(0);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException)
        {
            return false;
        }
        var newline = Array.IndexOf(bytes, (byte)'\n');
        if (newline < 0)
        {
            return false;
        }
        var header = Encoding.UTF8.GetString(bytes, 0, newline);
        if (!header.StartsWith(HeaderPrefix, StringComparison.Ordinal))
        {
            return false;
        }
        var parts = header[HeaderPrefix.Length..].Split(' ');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var lineCount)
            || bytes.Length - newline - 1 != length)
        {
            return false;
        }
        batch = WriteBatch.FromUtf8(bytes.AsMemory(newline + 1, length), lineCount, 0);
        return true;
    }

    private string PathOf(long number) =>
        Path.Combine(_directory, number.ToString("D16", CultureInfo.InvariantCulture) + Extension);
}
