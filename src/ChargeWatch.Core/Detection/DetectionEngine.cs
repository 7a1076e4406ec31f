using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Readings;
using ChargeWatch.Core.Sites;

namespace ChargeWatch.Core.Detection;

/// <summary>
/// One shard's engine: keeps each device's track (duplicates, late readings, gaps, usual interval),
/// the sites' watermarks and the rules' per-device state, and feeds in-order readings to the rules
/// registered for the device's kind. Event time only; not thread-safe (one per shard).
/// </summary>
public sealed class DetectionEngine : IDetectionEngine
{
    private readonly SiteDirectory _sites;
    private readonly IDetectionRule[] _rules;
    private readonly int[][] _rulesByKind;
    private readonly Dictionary<DeviceKey, DeviceTrack> _tracks = [];
    private readonly Dictionary<string, DateTimeOffset> _watermarks = new(StringComparer.Ordinal);
    private readonly Dictionary<DeviceKey, bool> _pendingStatus = [];
    private readonly AlertTracker _alerts;
    private readonly RuleContext _context;
    private readonly DetectionCounters _counters;

    public DetectionEngine(SiteDirectory sites, RestoredAlerts? restored = null, DetectionCounters? counters = null)
    {
        _sites = sites;
        _rules = [.. sites.Rules.Select(r => r.CreateRule())];
        _rulesByKind = [.. Enum.GetValues<DeviceKind>().Select(kind =>
            Enumerable.Range(0, _rules.Length).Where(i => _rules[i].AppliesTo(kind)).ToArray())];
        _alerts = new AlertTracker(restored);
        _context = new RuleContext(_alerts, _watermarks);
        _counters = counters ?? new DetectionCounters();
    }

    public AlertTracker Alerts => _alerts;

    public DetectionCounters Counters => _counters;

    /// <summary>Devices this engine tracks.</summary>
    public int DeviceCount => _tracks.Count;

    public void OnReading(Reading reading, List<AlertMessage> changes)
    {
        var track = Track(reading.Device);
        switch (track.Classify(reading.Timestamp, reading.Seq))
        {
            case ReadingOrder.Duplicate:
                _counters.CountDuplicate();
                return;
            case ReadingOrder.Late:
                _counters.CountLate();
                return;
        }
        track.Accept(reading.Timestamp, PayloadShed(reading));
        _alerts.DirectTo(changes);
        _context.Device = track;
        var options = track.Profile.Options;
        foreach (var i in _rulesByKind[(int)reading.Kind])
        {
            if (options[i].Enabled)
            {
                _rules[i].OnReading(_context, reading, options[i], State(track, i));
            }
        }
    }

    public void OnStatus(DeviceKey device, bool online, List<AlertMessage> changes)
    {
        if (!_watermarks.TryGetValue(device.Site, out var at))
        {
            // A retained status can arrive before any telemetry of its site: it takes the site's
            // event time as soon as there is one.
            _pendingStatus[device] = online;
            return;
        }
        Status(device, online, at, changes);
    }

    public void OnWatermark(string site, DateTimeOffset watermark, List<AlertMessage> changes)
    {
        if (_watermarks.TryGetValue(site, out var current) && current >= watermark)
        {
            return;
        }
        _watermarks[site] = watermark;
        _alerts.DirectTo(changes);
        if (_pendingStatus.Count > 0)
        {
            FlushPendingStatus(site, watermark, changes);
        }
        foreach (var rule in _rules)
        {
            rule.OnWatermark(_context, site, watermark);
        }
    }

    private void Status(DeviceKey device, bool online, DateTimeOffset at, List<AlertMessage> changes)
    {
        var track = Track(device);
        _alerts.DirectTo(changes);
        _context.Device = track;
        var options = track.Profile.Options;
        foreach (var i in _rulesByKind[(int)device.Kind])
        {
            if (options[i].Enabled)
            {
                _rules[i].OnStatus(_context, online, at, options[i], State(track, i));
            }
        }
    }

    private void FlushPendingStatus(string site, DateTimeOffset watermark, List<AlertMessage> changes)
    {
        foreach (var (device, online) in _pendingStatus.Where(p => p.Key.Site == site).ToList())
        {
            _pendingStatus.Remove(device);
            Status(device, online, watermark, changes);
        }
    }

    private DeviceTrack Track(DeviceKey device)
    {
        if (!_tracks.TryGetValue(device, out var track))
        {
            _tracks[device] = track = new DeviceTrack(device, _sites.Resolve(device), _rules.Length);
        }
        return track;
    }

    private object State(DeviceTrack track, int rule) =>
        track.States[rule] ??= _rules[rule].CreateState(track, track.Profile.Options[rule]);

    private static string? PayloadShed(Reading reading) => reading switch
    {
        ChargerReading c => c.Shed,
        FeederReading f => f.Shed,
        SensorReading s => s.Shed,
        _ => null,
    };
}
