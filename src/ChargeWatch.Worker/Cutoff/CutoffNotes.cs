using System.Globalization;

namespace ChargeWatch.Worker.Cutoff;

/// <summary>Human wording of what a cut-off did, for the alert description, logs and annotations.</summary>
public static class CutoffNotes
{
    public static string Describe(string verb, IReadOnlyList<PortRef> ports)
    {
        var piles = ports
            .GroupBy(p => p.Charger, StringComparer.Ordinal)
            .Select(g => g.Count() == 1
                ? string.Create(CultureInfo.InvariantCulture, $"port {g.First().Port} of {g.Key}")
                : $"ports {string.Join(", ", g.Select(p => p.Port.ToString(CultureInfo.InvariantCulture)))} of {g.Key}");
        return $"{verb} {string.Join("; ", piles)}";
    }

    public static string ForAlert(IReadOnlyList<PortRef> ports) =>
        $"Protective cut-off: {Describe("cut sent to", ports)}; it stays off until restored.";
}
