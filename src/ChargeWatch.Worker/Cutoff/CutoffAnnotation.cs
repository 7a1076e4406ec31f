using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Points;

namespace ChargeWatch.Worker.Cutoff;

/// <summary>
/// Cut-off commands as points of the <c>alert</c> measurement (Grafana annotations): one line per
/// pile with <c>status</c> <c>cut</c> or <c>restore</c>, tagged with the alert's rule and the pile as
/// device. Timed one millisecond after the alert change that caused them, so they never overwrite
/// the alert's own point.
/// </summary>
public static class CutoffAnnotation
{
    public static void Append(CutoffOrder order, LineProtocolBuffer lines)
    {
        foreach (var pile in order.Commands.GroupBy(c => (c.Target.Site, c.Target.Charger)))
        {
            var commands = pile.ToList();
            var first = commands[0];
            lines.BeginLine("alert")
                .Tag("device", pile.Key.Charger)
                .Tag("kind", DeviceKind.Charger.ToTopicName())
                .Tag("rule", order.Rule)
                .Tag("severity", order.Severity.ToContractName())
                .Tag("site", pile.Key.Site)
                .Field("status", first.Name)
                .Field("summary", CutoffNotes.Describe(Verb(order, first), [.. commands.Select(c => c.Target)]))
                .Field("id", order.AlertId)
                .Field("port", commands.Count == 1 ? first.Target.Port : null)
                .EndLine((order.At + TimeSpan.FromMilliseconds(1)).ToUnixTimeMilliseconds());
        }
    }

    private static string Verb(CutoffOrder order, CutoffCommand command) =>
        command.Cut ? "Protective cut-off: cut" : order.ByHand ? "Restored by hand:" : "Restored";
}
