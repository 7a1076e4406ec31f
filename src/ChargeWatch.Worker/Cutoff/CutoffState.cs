using ChargeWatch.Core.Alerts;
using ChargeWatch.Worker.Storage;
using System.Text.Json;

namespace ChargeWatch.Worker.Cutoff;

/// <summary>
/// The alerts that cut power, and what they cut, kept in <c>{DataDirectory}/cutoff/state.json</c>,
/// so a cut is sent once per alert — also across restarts — and an automatic restore knows what to
/// switch back on. Changes happen in memory on the alert path; <see cref="CutoffService"/> writes
/// the file (temporary file + rename, flushed) before it sends an order's commands and after they
/// were confirmed, so a cut decided but not yet confirmed is sent again after a crash. A record
/// belongs to one episode of an alert (its <c>startsAt</c>): a stale record left by a crash never
/// keeps a later episode of the same alert from cutting.
/// </summary>
public sealed class CutoffState
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly string _path;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, CutRecord> _byAlert;
    private bool _changed;

    public CutoffState(string path)
    {
        _path = path;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _byAlert = File.Exists(path)
            ? new(JsonSerializer.Deserialize<Dictionary<string, CutRecord>>(File.ReadAllBytes(path), Json) ?? [], StringComparer.Ordinal)
            : new(StringComparer.Ordinal);
    }

    /// <summary>The cut of this episode of the alert, if it already cut.</summary>
    public bool TryGet(AlertMessage alert, out CutRecord record)
    {
        lock (_lock)
        {
            return _byAlert.TryGetValue(alert.Id, out record!) && record.StartsAt == alert.StartsAt;
        }
    }

    /// <summary>Records the cut of this episode; false when it already cut (nothing changes then).</summary>
    public bool TryAdd(AlertMessage alert, CutRecord record)
    {
        lock (_lock)
        {
            if (_byAlert.TryGetValue(alert.Id, out var existing) && existing.StartsAt == alert.StartsAt)
            {
                return false;
            }
            _byAlert[alert.Id] = record;
            _changed = true;
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
            _changed = true;
            return true;
        }
    }

    public void MarkSent(string alertId)
    {
        lock (_lock)
        {
            if (_byAlert.TryGetValue(alertId, out var record) && !record.Sent)
            {
                _byAlert[alertId] = record with { Sent = true };
                _changed = true;
            }
        }
    }

    /// <summary>Cuts decided but never confirmed by the broker (the worker stopped in between), as orders to send again.</summary>
    public IReadOnlyList<CutoffOrder> Unsent()
    {
        lock (_lock)
        {
            return [.. _byAlert.Where(pair => !pair.Value.Sent).Select(pair => pair.Value.ToOrder(pair.Key))];
        }
    }

    public void SaveIfChanged()
    {
        byte[] bytes;
        lock (_lock)
        {
            if (!_changed)
            {
                return;
            }
            bytes = JsonSerializer.SerializeToUtf8Bytes(_byAlert, Json);
            _changed = false;
        }
        DurableFile.Write(_path, bytes);
    }
}

/// <summary>What one alert episode cut: the sockets, when (event time), and whether the broker confirmed it.</summary>
public sealed record CutRecord(string Rule, AlertSeverity Severity, DateTimeOffset StartsAt, DateTimeOffset At, IReadOnlyList<PortRef> Ports, bool Sent = false)
{
    public CutoffOrder ToOrder(string alertId) =>
        new([.. Ports.Select(port => new CutoffCommand(port, Cut: true, Rule, alertId))], alertId, Rule, Severity, At);
}
