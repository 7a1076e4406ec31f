using System.Text.Json;

namespace ChargeWatch.Worker.Cutoff;

/// <summary>
/// The alerts that already cut power, and what they cut, in <c>{DataDirectory}/cutoff/state.json</c>
/// (temporary file + rename), so a cut is sent once per alert, also across restarts, and an automatic
/// restore knows what to switch back on.
/// </summary>
public sealed class CutoffState
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly string _path;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, CutRecord> _byAlert;

    public CutoffState(string path)
    {
        _path = path;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _byAlert = File.Exists(path)
            ? new(JsonSerializer.Deserialize<Dictionary<string, CutRecord>>(File.ReadAllBytes(path), Json) ?? [], StringComparer.Ordinal)
            : new(StringComparer.Ordinal);
    }

    public bool TryGet(string alertId, out CutRecord record)
    {
        lock (_lock)
        {
            return _byAlert.TryGetValue(alertId, out record!);
        }
    }

    /// <summary>Records the cut; false when this alert already cut (nothing changes then).</summary>
    public bool TryAdd(string alertId, CutRecord record)
    {
        lock (_lock)
        {
            if (!_byAlert.TryAdd(alertId, record))
            {
                return false;
            }
            Save();
            return true;
        }
    }

    public bool TryRemove(string alertId, out CutRecord record)
    {
        lock (_lock)
        {
            if (!_byAlert.Remove(alertId, out record!))
            {
                return false;
            }
            Save();
            return true;
        }
    }

    private void Save()
    {
        var temporary = _path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(file, _byAlert, Json);
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, _path, overwrite: true);
    }
}

/// <summary>What one alert cut: the sockets and the event time of the cut.</summary>
public sealed record CutRecord(string Rule, DateTimeOffset At, IReadOnlyList<PortRef> Ports);
