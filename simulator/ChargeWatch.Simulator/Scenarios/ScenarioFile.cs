namespace ChargeWatch.Simulator.Scenarios;

/// <summary>A scenario as written in YAML (simulator/scenarios/*.yaml); see docs/simulator.md for every key.</summary>
public sealed class ScenarioFile
{
    /// <summary>Replaces repeated sheds and buildings (<c>count</c> above 1) by their numbered copies.</summary>
    public void ExpandRepeats()
    {
        Sheds = [.. Sheds.SelectMany(s => s.Count <= 1 ? [s] : Enumerable.Range(1, s.Count).Select(i => s.Copy(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{s.Id}-{i:00}"))))];
        Buildings = [.. Buildings.SelectMany(b => b.Count <= 1 ? [b] : Enumerable.Range(1, b.Count).Select(i => b.Copy(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{b.Id}-{i:00}"))))];
    }

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public string Site { get; set; } = "dongyuan-1";

    /// <summary>Local date and time of the start, e.g. <c>2026-07-08T17:00</c>.</summary>
    public string Start { get; set; } = "2026-07-08T17:00";

    public string TimeZone { get; set; } = "Asia/Shanghai";

    public string Duration { get; set; } = "16h";

    public long Seed { get; set; } = 1;

    public AmbientSpec Ambient { get; set; } = new();

    public List<ShedSpec> Sheds { get; set; } = [];

    public List<BuildingSpec> Buildings { get; set; } = [];

    public List<EventSpec> Events { get; set; } = [];

    public List<ExpectSpec> Expect { get; set; } = [];
}

public sealed class AmbientSpec
{
    public double MeanC { get; set; } = 28;

    public double SwingC { get; set; } = 4;
}

public sealed class ShedSpec
{
    public string Id { get; set; } = "";

    /// <summary>More than 1 repeats the shed as <c>{id}-01</c>, <c>{id}-02</c>, … (for large sites).</summary>
    public int Count { get; set; } = 1;

    public int Piles { get; set; } = 2;

    /// <summary>Ports per pile, 1–64 (real piles: 10–20).</summary>
    public int Ports { get; set; } = 10;

    public string Interval { get; set; } = "30s";

    /// <summary>Share of ports with a bike plugged in tonight.</summary>
    public double Occupancy { get; set; } = 0.6;

    public bool Feeder { get; set; } = true;

    public string FeederInterval { get; set; } = "30s";

    public int Sensors { get; set; } = 1;

    public string SensorInterval { get; set; } = "60s";

    public ShedSpec Copy(string id)
    {
        var copy = (ShedSpec)MemberwiseClone();
        copy.Id = id;
        copy.Count = 1;
        return copy;
    }
}

public sealed class BuildingSpec
{
    public string Id { get; set; } = "";

    /// <summary>More than 1 repeats the building as <c>{id}-01</c>, <c>{id}-02</c>, ….</summary>
    public int Count { get; set; } = 1;

    public int Households { get; set; } = 10;

    public int Corridors { get; set; }

    public string Interval { get; set; } = "60s";

    /// <summary>Share of household meters that report a power factor.</summary>
    public double PfShare { get; set; } = 0.5;

    /// <summary>
    /// Which power factor those meters report: <c>true</c> (w / (v·a)) or <c>displacement</c> (cos φ of
    /// the fundamental, under which a charger reads about 0.97).
    /// </summary>
    public string PfKind { get; set; } = "true";

    /// <summary>Chance of an unscripted e-bike charge per household (0 keeps the scenario's truth exact).</summary>
    public double EbikeProbability { get; set; }

    public string Season { get; set; } = "summer";

    public BuildingSpec Copy(string id)
    {
        var copy = (BuildingSpec)MemberwiseClone();
        copy.Id = id;
        copy.Count = 1;
        return copy;
    }
}

/// <summary>One injected incident; which fields apply depends on <see cref="Type"/>.</summary>
public sealed class EventSpec
{
    public string Type { get; set; } = "";

    /// <summary><c>HH:mm</c> local time (the next one at or after the start) or <c>+1h30m</c> after the start.</summary>
    public string At { get; set; } = "";

    public string? Duration { get; set; }

    public string? Device { get; set; }

    public int? Port { get; set; }

    public double? Amps { get; set; }

    public double? Watts { get; set; }

    public double? Milliamps { get; set; }

    /// <summary>°C per minute for a thermal runaway.</summary>
    public double? Rate { get; set; }

    public int? Count { get; set; }

    /// <summary>For <c>silent</c>: also publish the retained <c>offline</c> status (the device's will).</summary>
    public bool? Offline { get; set; }

    /// <summary>For charges: lead-acid or lithium.</summary>
    public string? Chemistry { get; set; }
}

/// <summary>An alert the scenario expects: its rule, device, optional port and the window its start must fall into.</summary>
public sealed class ExpectSpec
{
    public string Rule { get; set; } = "";

    public string Device { get; set; } = "";

    public int? Port { get; set; }

    public string From { get; set; } = "";

    public string To { get; set; } = "";

    /// <summary>
    /// An alert that may or may not fire: one the worker's own commands can forestall (a cut that
    /// stops an overcurrent before the strip rule's minute is up, which depends on the playback
    /// speed). It is neither missed when absent nor false when present.
    /// </summary>
    public bool Optional { get; set; }
}
