using System.Text.Json;

namespace ChargeWatch.Worker.Alerting;

/// <summary>
/// The alerts currently firing at Alertmanager, by ChargeWatch alert id, kept on disk so a restarted
/// worker keeps re-posting them (the detection engine restores its alerts silently) and resolves
/// them with the very labels it posted. Turns each alert change into what Alertmanager must hear:
/// an escalation changes the <c>severity</c> label, which is another alert to Alertmanager, so the
/// old label set is resolved in the same change. Changes only mark the set dirty; the delivery
/// loop saves it once per burst (<see cref="SaveIfChanged"/>), so an alert storm never rewrites
/// the file once per alert on the alert path.
/// </summary>
public sealed class ActiveAlerts
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly string? _path;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, AlertmanagerAlert> _byId;
    private bool _changed;

    public ActiveAlerts(string? path, ILogger logger)
    {
        _path = path;
        _logger = logger;
        _byId = Load(path, logger);
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _byId.Count;
            }
        }
    }

    public IReadOnlyList<AlertmanagerAlert> Apply(string alertId, AlertmanagerAlert alert, DateTimeOffset wallNow)
    {
        lock (_lock)
        {
            var known = _byId.TryGetValue(alertId, out var previous);
            IReadOnlyList<AlertmanagerAlert> change;
            if (alert.IsFiring)
            {
                if (known && previous!.HasSameLabels(alert))
                {
                    alert = alert with { StartsAt = previous.StartsAt };
                    change = [alert];
                }
                else
                {
                    change = known ? [previous!.ResolvedAs(wallNow), alert] : [alert];
                }
                _byId[alertId] = alert;
            }
            else
            {
                change = known ? [alert with { Labels = previous!.Labels, StartsAt = previous.StartsAt }] : [alert];
                _byId.Remove(alertId);
            }
            _changed = true;
            return change;
        }
    }

    public IReadOnlyList<AlertmanagerAlert> Snapshot()
    {
        lock (_lock)
        {
            return [.. _byId.Values];
        }
    }

    /// <summary>Writes the set to disk (temporary file + rename) when it changed since the last save.</summary>
    public void SaveIfChanged()
    {
        byte[] bytes;
        lock (_lock)
        {
            if (!_changed || _path is null)
            {
                return;
            }
            bytes = JsonSerializer.SerializeToUtf8Bytes(_byId, Json);
            _changed = false;
        }
        try
        {
            var temporary = _path + ".tmp";
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, _path!, overwrite: true);
        }
        catch (IOException ex)
        {
            // Losing this file costs only the re-posts after a restart, never an alert change.
            _logger.LogWarning(ex, "Could not save active Alertmanager alerts to {Path}", _path);
        }
    }

    private static Dictionary<string, AlertmanagerAlert> Load(string? path, ILogger logger)
    {
        if (path is null || !File.Exists(path))
        {
            return new(StringComparer.Ordinal);
        }
        try
        {
            var loaded = JsonSerializer.Deserialize<Dictionary<string, AlertmanagerAlert>>(File.ReadAllBytes(path), Json);
            return new(loaded ?? [], StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is JsonException or IOException)
        {
            logger.LogWarning(ex, "Ignoring unreadable active Alertmanager alerts file {Path}", path);
            return new(StringComparer.Ordinal);
        }
    }
}
