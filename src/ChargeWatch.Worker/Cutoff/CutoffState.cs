using ChargeWatch.Core.Alerts;
using ChargeWatch.Worker.Storage;
using System.Text.Json;

namespace ChargeWatch.Worker.Cutoff;

/// <summary>
/// The alerts that cut power, and what they cut, kept in <c>{DataDirectory}/cutoff/state.json</c>,
/// so a cut is sent once per alert — also across restarts — and a restore, automatic or by hand,
/// knows what it switches back on. A resolved alert's record stays (marked resolved) while sockets
/// it cut are still off, so that a restore by hand is annotated under the alert that cut.
/// Changes happen in memory on the alert path; <see cref="CutoffService"/> writes the file
/// (temporary file + rename, flushed) before it sends an order's commands and after they were
/// confirmed, so a cut decided but not yet confirmed is sent again after a crash. A record
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
            return _byAlert.TryGetValue(alert.Id, out record!) && record.StartsAt == alert.StartsAt && !record.Resolved;
        }
    }

    /// <summary>Records the cut of this episode; false when it already cut (nothing changes then).</summary>
    public bool TryAdd(AlertMessage alert, CutRecord record)
    {
        lock (_lock)
        {
            if (_byAlert.TryGetValue(alert.Id, out var existing) && existing.StartsAt == alert.StartsAt && !existing.Resolved)
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

    /// <summary>The alert ended but what it cut stays off, awaiting a restore by hand.</summary>
    public bool TryMarkResolved(string alertId, out CutRecord record)
    {
        lock (_lock)
        {
            if (!_byAlert.TryGetValue(alertId, out record!) || record.Resolved)
            {
                return false;
            }
            record = record with { Resolved = true };
            if (record.Ports.Count == 0)
            {
                _byAlert.Remove(alertId); // everything it cut was restored by hand while it fired
            }
            else
            {
                _byAlert[alertId] = record;
            }
            _changed = true;
            return record.Ports.Count > 0;
        }
    }

    /// <summary>
    /// A socket switched back on (a restore seen on the broker): takes it out of the latest record that
    /// cut it, and the record with it once the alert has resolved and nothing it cut is still off.
    /// </summary>
    public bool TryTakeRestored(PortRef port, out string alertId, out CutRecord record)
    {
        lock (_lock)
        {
            alertId = "";
            record = null!;
            foreach (var (id, candidate) in _byAlert)
            {
                if (candidate.Ports.Contains(port) && (record is null || candidate.At > record.At))
                {
                    (alertId, record) = (id, candidate);
                }
            }
            if (record is null)
            {
                return false;
            }
            var left = record.Ports.Where(p => p != port).ToList();
            if (left.Count == 0 && record.Resolved)
            {
                _byAlert.Remove(alertId);
            }
            else
            {
                _byAlert[alertId] = record with { Ports = left };
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
            return [.. _byAlert.Where(pair => !pair.Value.Sent && !pair.Value.Resolved).Select(pair => pair.Value.ToOrder(pair.Key))];
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

/// <summary>
/// What one alert episode cut: the sockets still off, when (event time), whether the broker confirmed
/// it, and whether the alert has resolved since.
/// </summary>
public sealed record CutRecord(string Rule, AlertSeverity Severity, DateTimeOffset StartsAt, DateTimeOffset At, IReadOnlyList<PortRef> Ports, bool Sent = false, bool Resolved = false)
{
    public CutoffOrder ToOrder(string alertId) =>
        new([.. Ports.Select(port => new CutoffCommand(port, Cut: true, Rule, alertId))], alertId, Rule, Severity, At);
}
