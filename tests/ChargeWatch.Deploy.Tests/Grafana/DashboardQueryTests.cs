using System.Text.Json;
using ChargeWatch.Core.Readings;
using ChargeWatch.Testing;

namespace ChargeWatch.Deploy.Tests.Grafana;

/// <summary>
/// Every InfluxQL text of every dashboard, expanded as Grafana expands it, against a real InfluxDB
/// holding <see cref="DemoEvening"/> (written with the worker's own point mappers).
/// </summary>
public sealed class DashboardQueryTests(InfluxWithDemoEvening store) : IClassFixture<InfluxWithDemoEvening>
{
    private readonly DashboardRunner _runner = new(store.Influx.Client, DemoEvening.Database, _ => DemoEvening.Window);

    /// <summary>Queries allowed to find nothing in <see cref="DemoEvening"/>, and why.</summary>
    private static readonly Dictionary<string, string> MayBeEmpty = new(StringComparer.Ordinal)
    {
        ["flywire-watch.json|Detection confidence|A"] =
            "contract §7 and AlertPointMapper store no confidence field on alert points yet (proposed as an addition)",
        ["flywire-watch.json|annotation Alert resolved|-"] = "no fly-wire detection ends within the demo evening",
    };

    public static TheoryData<string> QueryIds()
    {
        var data = new TheoryData<string>();
        foreach (var query in DashboardQuery.All)
        {
            data.Add(query.Id);
        }
        return data;
    }

    public static TheoryData<string> DashboardFiles()
    {
        var data = new TheoryData<string>();
        foreach (var dashboard in DashboardFile.All)
        {
            data.Add(dashboard.FileName);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(DashboardFiles))]
    public async Task DashboardVariables_EachQuery_ReturnsValues(string fileName)
    {
        var values = await ResolveVariablesAsync(DashboardFile.Named(fileName), selectAll: false);

        foreach (var variable in DashboardFile.Named(fileName).Variables)
        {
            Assert.True(values.ContainsKey(variable.Name), $"${variable.Name} resolved to no value");
        }
    }

    [Theory]
    [MemberData(nameof(QueryIds))]
    public async Task DashboardQuery_WithAllSelected_RunsAndFindsData(string id)
    {
        var query = DashboardQuery.ById(id);
        var variables = await ResolveVariablesAsync(query.Dashboard, selectAll: true);

        var series = await RunAsync(query, variables);

        if (!MayBeEmpty.ContainsKey(id))
        {
            Assert.True(series.Any(s => s.Rows.Count > 0), $"no data for {id}: {_runner.Expand(query, variables)}");
        }
    }

    [Theory]
    [MemberData(nameof(QueryIds))]
    public async Task DashboardQuery_WithFirstValueOfEachVariable_Runs(string id)
    {
        var query = DashboardQuery.ById(id);
        var variables = await ResolveVariablesAsync(query.Dashboard, selectAll: false);

        var exception = await Record.ExceptionAsync(() => RunAsync(query, variables));

        Assert.Null(exception);
    }

    [Fact]
    public async Task OverviewOpenAlerts_EscalatedAndResolvedAlerts_CountedOnceBySeverity()
    {
        var dashboard = DashboardFile.Named("overview.json");
        var variables = await ResolveVariablesAsync(dashboard, selectAll: true);

        var critical = await SingleNumberAsync(Panel(dashboard, "Open alerts by severity", "A"), variables);
        var warning = await SingleNumberAsync(Panel(dashboard, "Open alerts by severity", "B"), variables);

        // Critical: the thermal alert escalated from warning, the corridor charger. The overcurrent resolved.
        Assert.Equal(2, critical);
        // Warning: household e-bike, feeder tap, leakage, silent sensor.
        Assert.Equal(4, warning);
    }

    [Fact]
    public async Task OverviewPorts_InUseFreeOutOfService_MatchLatestStateOfEachPort()
    {
        var dashboard = DashboardFile.Named("overview.json");
        var variables = await ResolveVariablesAsync(dashboard, selectAll: true);
        var latest = DemoEvening.Data.LatestPortStates();

        foreach (var (refId, states) in new[]
                 {
                     ("A", new[] { PortState.Charging, PortState.Full }),
                     ("B", new[] { PortState.Idle }),
                     ("C", new[] { PortState.Fault, PortState.Off }),
                 })
        {
            var series = await RunAsync(Panel(dashboard, "Ports in use / free per shed", refId), variables);
            foreach (var shed in DemoEvening.Sheds)
            {
                var expected = latest.Count(p => p.Key.Charger.StartsWith(shed, StringComparison.Ordinal) && states.Contains(p.Value));
                var found = series.Where(s => s.Tags["shed"] == shed).SelectMany(s => s.Rows).Select(r => r[1].GetInt64()).SingleOrDefault();
                Assert.True(expected == found, $"{shed} {string.Join('/', states)}: expected {expected}, dashboard shows {found}");
            }
        }
    }

    [Fact]
    public async Task ShedTapGap_FeederAgainstSumOfPorts_ShowsTheTap()
    {
        var dashboard = DashboardFile.Named("shed-detail.json");
        var variables = await ResolveVariablesAsync(dashboard, selectAll: true);

        var feeder = await RunAsync(Panel(dashboard, "Feeder versus sum of ports (tap gap)", "A"), variables);
        var ports = await RunAsync(Panel(dashboard, "Feeder versus sum of ports (tap gap)", "B"), variables);

        double LastOf(IEnumerable<InfluxSeries> series) => series.Where(s => s.Tags["shed"] == "shed-b").SelectMany(s => s.Rows)
            .Where(r => r[1].ValueKind == JsonValueKind.Number).MaxBy(r => r.TimeMs)![1].GetDouble();
        // 30 W of controls plus the 260 W tap.
        Assert.Equal(290, LastOf(feeder) - LastOf(ports), precision: 3);
    }

    [Fact]
    public async Task FlywireDeviceVariable_Resolves_ToMetersWithDetections()
    {
        var dashboard = DashboardFile.Named("flywire-watch.json");
        var variables = await ResolveVariablesAsync(dashboard, selectAll: false);
        var device = dashboard.Variables.Single(v => v.Name == "device");

        var values = await VariableValuesAsync(dashboard, device, variables);

        Assert.Equal([DemoEvening.FlywireHousehold, DemoEvening.FlywireCorridor], values);
    }

    [Fact]
    public async Task AlertsOpenTable_EscalatedAlert_ListedOnceAsCritical()
    {
        var dashboard = DashboardFile.Named("alerts.json");
        var variables = await ResolveVariablesAsync(dashboard, selectAll: true);

        var series = await RunAsync(Panel(dashboard, "Open alerts", "A"), variables);

        var thermal = Assert.Single(series, s => s.Tags["rule"] == "thermal.high");
        var row = Assert.Single(thermal.Rows);
        Assert.Equal("critical", row.Text("severity"));
        Assert.DoesNotContain(series, s => s.Tags["rule"] == "overcurrent");
        Assert.Equal(6, series.Count);
    }

    [Fact]
    public async Task ServiceRejectedByReason_EveryRejectedCounter_IsOneSeriesColumn()
    {
        var dashboard = DashboardFile.Named("service.json");
        var variables = await ResolveVariablesAsync(dashboard, selectAll: true);

        var series = Assert.Single(await RunAsync(Panel(dashboard, "Rejected by reason", "A"), variables));

        Assert.Contains("non_negative_difference_rejected_invalid_json", series.Columns);
        Assert.Contains("non_negative_difference_rejected_missing_field", series.Columns);
        Assert.Equal(DemoEvening.Length / TimeSpan.FromMinutes(10),
            series.Rows.Sum(r => r["non_negative_difference_rejected_invalid_json"].ValueKind == JsonValueKind.Number
                ? r["non_negative_difference_rejected_invalid_json"].GetDouble() : 0));
    }

    private static DashboardQuery Panel(DashboardFile dashboard, string title, string refId) =>
        dashboard.Queries.Single(q => q.Owner == title && q.RefId == refId && q.IsPanelQuery);

    private async Task<long> SingleNumberAsync(DashboardQuery query, IReadOnlyDictionary<string, string> variables)
    {
        var rows = (await RunAsync(query, variables)).SelectMany(s => s.Rows).ToList();
        return rows.Count == 0 ? 0 : Assert.Single(rows)[1].GetInt64();
    }

    private Task<IReadOnlyList<InfluxSeries>> RunAsync(DashboardQuery query, IReadOnlyDictionary<string, string> variables) =>
        _runner.RunAsync(query, variables);

    private Task<IReadOnlyDictionary<string, string>> ResolveVariablesAsync(DashboardFile dashboard, bool selectAll) =>
        _runner.ResolveVariablesAsync(dashboard, selectAll);

    private Task<IReadOnlyList<string>> VariableValuesAsync(
        DashboardFile dashboard, DashboardVariable variable, IReadOnlyDictionary<string, string> chosen) =>
        _runner.VariableValuesAsync(dashboard, variable, chosen);
}
