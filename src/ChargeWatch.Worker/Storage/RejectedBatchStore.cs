using System.Globalization;

namespace ChargeWatch.Worker.Storage;

/// <summary>
/// Batches InfluxDB refused as malformed (4xx), set aside in <c>{DataDirectory}/rejected-batches/</c>
/// with InfluxDB's error beside them, for a person to look at. Bounded: the oldest go first.
/// </summary>
public sealed class RejectedBatchStore(string directory, TimeProvider time, int maxBatches = 100)
{
    private int _sequence;

    public string Directory => directory;

    public string SetAside(WriteBatch batch, string error)
    {
        System.IO.Directory.CreateDirectory(directory);
        var stamp = time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss.fff'Z'", CultureInfo.InvariantCulture);
        var path = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{stamp}-{++_sequence:D6}.lp"));
        File.WriteAllBytes(path, batch.Utf8.Span);
        File.WriteAllText(Path.ChangeExtension(path, ".error.txt"), error);
        Prune();
        return path;
    }

    private void Prune()
    {
        var batches = System.IO.Directory.GetFiles(directory, "*.lp");
        if (batches.Length <= maxBatches)
        {
            return;
        }
        Array.Sort(batches, StringComparer.Ordinal);
        foreach (var old in batches[..^maxBatches])
        {
            File.Delete(old);
            File.Delete(Path.ChangeExtension(old, ".error.txt"));
        }
    }
}
