using ChargeWatch.Worker.Storage;

namespace ChargeWatch.Worker.Detection;

/// <summary>
/// The file <c>alerts/state.journal</c>: alert state changes since the last snapshot, appended and
/// flushed to disk. The file is opened for each append rather than held, so that deleting it at a
/// compaction (or another instance in a test) never leaves a handle on a removed file.
/// </summary>
internal sealed class AlertJournal(string path)
{
    public string Path => path;

    /// <summary>Appends whole records and returns once they are on disk.</summary>
    public void Append(ReadOnlySpan<byte> records)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var created = !File.Exists(path);
        using (var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0))
        {
            file.Write(records);
            file.Flush(flushToDisk: true);
        }
        if (created)
        {
            // A new file's name lives in the directory: flushed too, or a crash could lose the whole journal.
            DurableFile.FlushDirectory(directory);
        }
    }

    /// <summary>The journal's bytes, or empty when there is none.</summary>
    public byte[] ReadAll() => File.Exists(path) ? File.ReadAllBytes(path) : [];

    /// <summary>
    /// Called once a snapshot holding every journalled change is on disk. A crash before the delete
    /// replays records the snapshot already holds, which changes nothing: each record sets or
    /// removes one alert, and the snapshot is the state after the last of them.
    /// </summary>
    public void Delete() => File.Delete(path);
}
