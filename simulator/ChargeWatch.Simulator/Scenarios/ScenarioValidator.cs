using System.Globalization;
using ChargeWatch.Core.Contract;
using static ChargeWatch.Simulator.Scenarios.EventTypes;

namespace ChargeWatch.Simulator.Scenarios;

/// <summary>Checks a scenario file and resolves its times; every problem is reported, not just the first.</summary>
internal static class ScenarioValidator
{
    private static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxInterval = TimeSpan.FromMinutes(5);

    public static Scenario? Validate(ScenarioFile file, ScenarioLoader.Locator at)
    {
        if (string.IsNullOrWhiteSpace(file.Name))
        {
            at.Error("name", "a scenario needs a name");
        }
        if (!TopicParser.IsSiteName(file.Site))
        {
            at.Error("site", $"'{file.Site}' is not a site name ([a-z0-9_-]{{1,64}})");
        }
        TimeZoneInfo? zone = null;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(file.TimeZone);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            at.Error("timeZone", $"unknown time zone '{file.TimeZone}'");
        }
        DateTimeOffset start = default;
        if (!DateTime.TryParse(file.Start, CultureInfo.InvariantCulture, DateTimeStyles.None, out var localStart))
        {
            at.Error("start", $"'{file.Start}' is not a local date and time like 2026-07-08T17:00");
        }
        else if (zone is not null)
        {
            localStart = DateTime.SpecifyKind(localStart, DateTimeKind.Unspecified);
            start = new DateTimeOffset(localStart, zone.GetUtcOffset(localStart));
        }
        if (!TimeText.TryParseDuration(file.Duration, out var duration) || duration <= TimeSpan.Zero || duration > TimeSpan.FromDays(7))
        {
            at.Error("duration", $"'{file.Duration}' is not a duration up to 7 days like 16h");
        }
        if (file.Sheds.Exists(s => s.Count is < 1 or > 1000) || file.Buildings.Exists(b => b.Count is < 1 or > 1000))
        {
            at.Error("sheds", "count must be 1 to 1000");
        }
        file.ExpandRepeats();
        CheckTopology(file, at);
        var kinds = Topology.DeviceKinds(file);
        var events = new List<InjectedEvent>();
        for (var i = 0; i < file.Events.Count; i++)
        {
            if (CheckEvent(file.Events[i], $"events[{i}]", start, duration, kinds, at) is { } e)
            {
                events.Add(e);
            }
        }
        var expected = new List<ExpectedAlert>();
        for (var i = 0; i < file.Expect.Count; i++)
        {
            if (CheckExpect(file.Expect[i], $"expect[{i}]", start, kinds, at) is { } e)
            {
                expected.Add(e);
            }
        }
        return zone is null ? null : new Scenario
        {
            File = file, Start = start, Zone = zone, Duration = duration, DeviceKinds = kinds, Events = events, Expected = expected,
        };
    }

    private static void CheckTopology(ScenarioFile file, ScenarioLoader.Locator at)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < file.Sheds.Count; i++)
        {
            var shed = file.Sheds[i];
            var path = $"sheds[{i}]";
            if (!ScenarioLoader.IsDeviceId(shed.Id) || shed.Id.Length > 50)
            {
                at.Error(path + ".id", $"'{shed.Id}' is not a shed id ([A-Za-z0-9_.-], up to 50 characters)");
            }
            else if (!ids.Add("shed:" + shed.Id))
            {
                at.Error(path + ".id", $"shed '{shed.Id}' appears twice");
            }
            if (shed.Piles is < 0 or > 10_000)
            {
                at.Error(path + ".piles", $"{shed.Piles} piles: must be 0 to 10000");
            }
            if (shed.Ports is < 1 or > 64)
            {
                at.Error(path + ".ports", $"{shed.Ports} ports per pile: must be 1 to 64");
            }
            if (shed.Occupancy is < 0 or > 1)
            {
                at.Error(path + ".occupancy", "must be between 0 and 1");
            }
            CheckInterval(shed.Interval, path + ".interval", at);
            CheckInterval(shed.FeederInterval, path + ".feederInterval", at);
            CheckInterval(shed.SensorInterval, path + ".sensorInterval", at);
        }
        for (var i = 0; i < file.Buildings.Count; i++)
        {
            var b = file.Buildings[i];
            var path = $"buildings[{i}]";
            if (!ScenarioLoader.IsDeviceId(b.Id) || b.Id.Length > 40)
            {
                at.Error(path + ".id", $"'{b.Id}' is not a building id ([A-Za-z0-9_.-], up to 40 characters)");
            }
            else if (!ids.Add("building:" + b.Id))
            {
                at.Error(path + ".id", $"building '{b.Id}' appears twice");
            }
            if (b.Households is < 0 or > 100_000 || b.Corridors is < 0 or > 1000)
            {
                at.Error(path, "households must be 0 to 100000 and corridors 0 to 1000");
            }
            if (b.PfShare is < 0 or > 1 || b.EbikeProbability is < 0 or > 1)
            {
                at.Error(path, "pfShare and ebikeProbability must be between 0 and 1");
            }
            if (b.PfKind is not ("true" or "displacement"))
            {
                at.Error(path + ".pfKind", $"'{b.PfKind}' is not true or displacement");
            }
            if (b.Season is not ("summer" or "winter"))
            {
                at.Error(path + ".season", $"'{b.Season}' is not summer or winter");
            }
            CheckInterval(b.Interval, path + ".interval", at);
        }
    }

    private static void CheckInterval(string text, string path, ScenarioLoader.Locator at)
    {
        if (!TimeText.TryParseDuration(text, out var interval) || interval < MinInterval || interval > MaxInterval)
        {
            at.Error(path, $"'{text}' is not an interval from 1s to 5m");
        }
    }

    private static InjectedEvent? CheckEvent(
        EventSpec spec, string path, DateTimeOffset start, TimeSpan scenarioDuration, Dictionary<string, string> kinds, ScenarioLoader.Locator at)
    {
        if (!Targets.TryGetValue(spec.Type, out var target))
        {
            at.Error(path + ".type", $"unknown event type '{spec.Type}' (one of: {string.Join(", ", Targets.Keys)})");
            return null;
        }
        var ok = true;
        if (!TimeText.TryParseAt(spec.At, start, out var offset))
        {
            at.Error(path + ".at", $"'{spec.At}' is not a time like 21:30 or +2h30m");
            ok = false;
        }
        else if (offset >= scenarioDuration && scenarioDuration > TimeSpan.Zero)
        {
            at.Error(path + ".at", $"'{spec.At}' is after the end of the scenario");
            ok = false;
        }
        var duration = TimeSpan.Zero;
        if (spec.Duration is not null && (!TimeText.TryParseDuration(spec.Duration, out duration) || duration < TimeSpan.Zero))
        {
            at.Error(path + ".duration", $"'{spec.Duration}' is not a duration like 3m");
            ok = false;
        }
        if (spec.Device is null)
        {
            at.Error(path, $"'{spec.Type}' needs a device ({target})");
            return null;
        }
        if (!kinds.TryGetValue(spec.Device, out var kind))
        {
            at.Error(path + ".device", $"no device '{spec.Device}' in this scenario's topology");
            return null;
        }
        var wanted = target.Split(' ')[0];
        if (wanted != "any" && wanted != kind && !(wanted is "household" or "corridor" && kind == wanted))
        {
            at.Error(path + ".device", $"'{spec.Type}' applies to a {target}, but '{spec.Device}' is a {kind}");
            ok = false;
        }
        if (target.EndsWith("port", StringComparison.Ordinal) && spec.Port is null or < 1 or > 64)
        {
            at.Error(path + ".port", $"'{spec.Type}' needs a port number 1 to 64");
            ok = false;
        }
        ok &= Require(spec.Type == Overcurrent, spec.Amps, "amps", path, at);
        ok &= Require(spec.Type is Leakage, spec.Milliamps, "milliamps", path, at);
        ok &= Require(spec.Type is FeederTap, spec.Watts, "watts", path, at);
        ok &= Require(spec.Type is ThermalRunaway, spec.Rate, "rate", path, at);
        if (spec.Type is Overcurrent or Silent or Leakage or FeederTap or Smoke or ThermalRunaway && duration <= TimeSpan.Zero)
        {
            at.Error(path + ".duration", $"'{spec.Type}' needs a duration");
            ok = false;
        }
        if (spec.Chemistry is not (null or "lead-acid" or "lithium"))
        {
            at.Error(path + ".chemistry", $"'{spec.Chemistry}' is not lead-acid or lithium");
            ok = false;
        }
        return ok ? new InjectedEvent(spec.Type, offset, duration, spec.Device, spec.Port, spec) : null;
    }

    private static bool Require(bool applies, double? value, string name, string path, ScenarioLoader.Locator at)
    {
        if (applies && value is null or <= 0)
        {
            at.Error(path, $"needs a positive '{name}'");
            return false;
        }
        return true;
    }

    private static ExpectedAlert? CheckExpect(ExpectSpec spec, string path, DateTimeOffset start, Dictionary<string, string> kinds, ScenarioLoader.Locator at)
    {
        var ok = true;
        if (!Rules.Contains(spec.Rule))
        {
            at.Error(path + ".rule", $"'{spec.Rule}' is not a contract rule id ({string.Join(", ", Rules.Order(StringComparer.Ordinal))})");
            ok = false;
        }
        if (!kinds.ContainsKey(spec.Device))
        {
            at.Error(path + ".device", $"no device '{spec.Device}' in this scenario's topology");
            ok = false;
        }
        if (!TryParseWindowTime(spec.From, start, out var from))
        {
            at.Error(path + ".from", $"'{spec.From}' is not a time like 21:30 or +2h30m");
            ok = false;
        }
        if (!TryParseWindowTime(spec.To, start, out var to))
        {
            at.Error(path + ".to", $"'{spec.To}' is not a time like 21:30 or +2h30m");
            ok = false;
        }
        else if (ok && to < from)
        {
            at.Error(path + ".to", "the window ends before it starts");
            ok = false;
        }
        return ok ? new ExpectedAlert(spec.Rule, spec.Device, spec.Port, from, to, spec.Optional) : null;
    }

    private static bool TryParseWindowTime(string text, DateTimeOffset start, out TimeSpan offset) => TimeText.TryParseAt(text, start, out offset);
}
