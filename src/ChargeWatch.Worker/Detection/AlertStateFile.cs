using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Detection;

namespace ChargeWatch.Worker.Detection;

/// <summary>
/// <c>{DataDirectory}/alerts/state.json</c>: the alerts active right now, rewritten atomically
/// (temporary file, flush to disk, rename) at every alert state change, so a restart neither
/// repeats a firing nor forgets to resolve. Thread-safe: shards report changes concurrently.
/// </summary>
public sealed class AlertStateFile
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, AlertMessage> _active = new(StringComparer.Ordinal);
    private readonly string _path;
    private readonly ILogger<AlertStateFile> _logger;

    public AlertStateFile(string dataDirectory, ILogger<AlertStateFile> logger)
    {
        _path = System.IO.Path.Combine(dataDirectory, "alerts", "state.json");
        _logger = logger;
        foreach (var alert in Load())
        {
            _active[alert.Id] = alert;
        }
    }

    public string Path => _path;

    /// <summary>The alerts that were active when the file was last written (read at construction).</summary>
    public IReadOnlyList<AlertMessage> Restored => [.. _active.Values];

    /// <summary>Applies state changes (firing: keep the newest message; resolved: drop) and rewrites the file.</summary>
    public void Apply(IReadOnlyList<AlertMessage> changes, int from = 0)
    {
        if (changes.Count <= from)
        {
            return;
        }
        lock (_lock)
        {
            for (var i = from; i < changes.Count; i++)
            {
                var change = changes[i];
                if (change.Status == AlertStatus.Firing)
                {
                    _active[change.Id] = change;
                }
                else
                {
                    _active.Remove(change.Id);
                }
            }
            Save();
        }
    }

    private void Save()
    {
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(_path)!);
            var temporary = _path + ".tmp";
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                file.Write(AlertStateJson.Write(_active.Values));
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, _path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Alerts still go out; only a restart could then repeat or miss one. Say so loudly.
            _logger.LogError(e, "Could not write the alert state file {Path}", _path);
        }
    }

    private List<AlertMessage> Load()
    {
        if (!File.Exists(_path))
        {
            return [];
        }
        try
        {
            var alerts = AlertStateJson.Read(File.ReadAllBytes(_path));
            if (_logger.IsEnabled(LogLevel.Information))
            {
                _logger.LogInformation("Restored {Count} active alerts from {Path}", alerts.Count, _path);
            }
            return alerts;
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or UnauthorizedAccessException)
        {
            _logger.LogError(e, "Alert state file {Path} is unreadable; starting without active alerts", _path);
            return [];
        }
    }
}
