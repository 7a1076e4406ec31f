using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Detection;
using ChargeWatch.Worker.Storage;

namespace ChargeWatch.Worker.Detection;

/// <summary>
/// The file <c>alerts/state.json</c>: every active alert at the last compaction, replaced
/// atomically (temporary file, flushed to disk, renamed over the old one) so a crash leaves the
/// old snapshot or the new one, never a mixture.
/// </summary>
internal sealed class AlertSnapshotFile(string path)
{
    public string Path => path;

    public bool Exists => File.Exists(path);

    /// <summary>Reads the snapshot and its size; throws <see cref="IOException"/> or <see cref="System.Text.Json.JsonException"/> when it is unreadable.</summary>
    public List<AlertMessage> Read(out int size)
    {
        var json = File.ReadAllBytes(path);
        size = json.Length;
        return AlertStateJson.Read(json);
    }

    /// <summary>Writes the snapshot and returns its size in bytes.</summary>
    public int Write(IEnumerable<AlertMessage> active)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var json = AlertStateJson.Write(active);
        DurableFile.Write(path, json);
        return json.Length;
    }
}
