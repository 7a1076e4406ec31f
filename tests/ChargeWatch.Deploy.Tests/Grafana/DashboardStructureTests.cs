using System.Text.Json.Nodes;

namespace ChargeWatch.Deploy.Tests.Grafana;

/// <summary>What Grafana needs of a provisioned dashboard, checked without Grafana.</summary>
public sealed class DashboardStructureTests
{
    /// <summary>Uids other parts link to (Alertmanager annotations use shed, flywire and alerts).</summary>
    private static readonly string[] ExpectedUids =
        ["chargewatch-overview", "chargewatch-shed", "chargewatch-flywire", "chargewatch-alerts", "chargewatch-service"];

    public static TheoryData<string> DashboardFiles()
    {
        var data = new TheoryData<string>();
        foreach (var dashboard in DashboardFile.All)
        {
            data.Add(dashboard.FileName);
        }
        return data;
    }

    [Fact]
    public void Dashboards_Folder_HoldsEveryExpectedDashboardOnce()
    {
        var uids = DashboardFile.All.Select(d => d.Uid).ToList();

        Assert.Equal(uids.Count, uids.Distinct().Count());
        Assert.All(ExpectedUids, uid => Assert.Contains(uid, uids));
    }

    [Theory]
    [MemberData(nameof(DashboardFiles))]
    public void Dashboard_Json_HasUidTitleSchemaVersionAndTag(string fileName)
    {
        var dashboard = DashboardFile.Named(fileName);

        Assert.Matches("^[a-z0-9-]{1,40}$", dashboard.Uid);
        Assert.False(string.IsNullOrWhiteSpace(dashboard.Title));
        Assert.InRange(dashboard.Root["schemaVersion"]!.GetValue<int>(), 36, 42);
        Assert.Contains("chargewatch", dashboard.Root["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        // Provisioned dashboards carry no numeric id: Grafana assigns it.
        Assert.Null(dashboard.Root["id"]);
    }

    [Theory]
    [MemberData(nameof(DashboardFiles))]
    public void Dashboard_EveryDatasource_IsTheProvisionedInfluxDb(string fileName)
    {
        var provisioned = DatasourceProvisioning.Load().Uid;
        var references = DatasourceReferences(DashboardFile.Named(fileName).Root).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, reference =>
        {
            var uid = reference["uid"]?.GetValue<string>();
            var type = reference["type"]?.GetValue<string>();
            // The one exception: Grafana's own built-in annotation source.
            if (type == "grafana")
            {
                Assert.Equal("-- Grafana --", uid);
                return;
            }
            Assert.Equal(provisioned, uid);
            Assert.Equal("influxdb", type);
        });
    }

    [Theory]
    [MemberData(nameof(DashboardFiles))]
    public void Dashboard_EveryQuery_UsesOnlyVariablesDefinedBeforeIt(string fileName)
    {
        var dashboard = DashboardFile.Named(fileName);
        var names = dashboard.Variables.Select(v => v.Name).ToList();

        foreach (var query in dashboard.Queries)
        {
            var allowed = query.Variable is { } variable ? names.TakeWhile(n => n != variable.Name) : names;
            foreach (var used in GrafanaMacros.ReferencedVariables(query.Text))
            {
                Assert.True(allowed.Contains(used), $"{query.Id} uses ${used}, which is not defined before it");
            }
        }
    }

    [Theory]
    [MemberData(nameof(DashboardFiles))]
    public void Dashboard_EveryVariable_IsAnInfluxQlTagQueryWithAllMatchingEverything(string fileName)
    {
        foreach (var variable in DashboardFile.Named(fileName).Variables)
        {
            Assert.Equal("query", variable.Type);
            Assert.StartsWith("SHOW TAG VALUES", variable.Query, StringComparison.Ordinal);
            if (variable.IncludeAll)
            {
                // ".*" also matches series without the tag, where a list of values would not.
                Assert.Equal(".*", variable.AllValue);
            }
        }
    }

    [Theory]
    [MemberData(nameof(DashboardFiles))]
    public void Dashboard_Panels_HaveDescriptionsUnitsAndFitTheGrid(string fileName)
    {
        var dashboard = DashboardFile.Named(fileName);
        var ids = new HashSet<int>();
        var titles = new HashSet<string>(StringComparer.Ordinal);

        foreach (var panel in dashboard.Panels)
        {
            var title = panel["title"]!.GetValue<string>();
            Assert.True(ids.Add(panel["id"]!.GetValue<int>()), $"panel id repeated: {title}");
            var grid = panel["gridPos"]!;
            Assert.InRange(grid["x"]!.GetValue<int>() + grid["w"]!.GetValue<int>(), 1, 24);
            if (panel["type"]!.GetValue<string>() == "row")
            {
                continue;
            }
            Assert.True(titles.Add(title), $"panel title repeated: {title}");
            Assert.False(string.IsNullOrWhiteSpace(panel["description"]?.GetValue<string>()), $"{title} has no description");
            Assert.NotNull(panel["fieldConfig"]?["defaults"]?["unit"]);
            var targets = panel["targets"]!.AsArray().Select(t => t!.AsObject()).ToList();
            Assert.NotEmpty(targets);
            Assert.Equal(targets.Count, targets.Select(t => t["refId"]!.GetValue<string>()).Distinct().Count());
            Assert.All(targets, t => Assert.True(t["rawQuery"]!.GetValue<bool>(), $"{title}: queries are raw InfluxQL"));
        }
    }

    [Theory]
    [MemberData(nameof(DashboardFiles))]
    public void Dashboard_TimeSeriesDashboards_AnnotateAlertStateChanges(string fileName)
    {
        var annotations = DashboardFile.Named(fileName).Root["annotations"]!["list"]!.AsArray().Select(a => a!.AsObject()).ToList();
        if (fileName == "service.json")
        {
            return; // the service dashboard is about the worker, not about devices
        }

        var fired = Assert.Single(annotations, a => a["name"]?.GetValue<string>() == "Alert fired");
        Assert.Contains("FROM \"alert\"", fired["query"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("summary", fired["textColumn"]!.GetValue<string>());
    }

    [Fact]
    public void ShedDetail_PortCurrent_ShowsTheRatedLine()
    {
        var panel = DashboardFile.Named("shed-detail.json").Panels.Single(p => p["title"]!.GetValue<string>() == "Current per port");
        var defaults = panel["fieldConfig"]!["defaults"]!;

        Assert.Equal("amp", defaults["unit"]!.GetValue<string>());
        Assert.Equal("line", defaults["custom"]!["thresholdsStyle"]!["mode"]!.GetValue<string>());
        Assert.Contains(4.0, defaults["thresholds"]!["steps"]!.AsArray().Select(s => s!["value"]?.GetValue<double>()));
    }

    private static IEnumerable<JsonObject> DatasourceReferences(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key == "datasource" && value is JsonObject reference)
                    {
                        yield return reference;
                    }
                    else if (key == "datasource" && value is not null)
                    {
                        // A bare name (old style) would bind to whatever datasource has that name.
                        throw new Xunit.Sdk.XunitException($"datasource given by name, not uid: {value.ToJsonString()}");
                    }
                    foreach (var nested in DatasourceReferences(value))
                    {
                        yield return nested;
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var nested in DatasourceReferences(item))
                    {
                        yield return nested;
                    }
                }
                break;
        }
    }
}
