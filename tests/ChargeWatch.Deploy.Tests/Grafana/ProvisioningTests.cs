using System.Text.RegularExpressions;

namespace ChargeWatch.Deploy.Tests.Grafana;

public sealed partial class ProvisioningTests
{
    [Fact]
    public void Datasource_InfluxDb_HasFixedUidAndSpeaksInfluxQl()
    {
        var datasource = DatasourceProvisioning.Load().Datasource;

        Assert.Equal("chargewatch-influx", datasource["uid"]!.GetValue<string>());
        Assert.Equal("influxdb", datasource["type"]!.GetValue<string>());
        Assert.Equal("proxy", datasource["access"]!.GetValue<string>());
        Assert.Equal("InfluxQL", datasource["jsonData"]!["version"]!.GetValue<string>());
    }

    [Fact]
    public void Datasource_UrlDatabaseAndToken_ComeFromTheEnvironment()
    {
        var datasource = DatasourceProvisioning.Load().Datasource;

        Assert.Matches(EnvironmentReference(), datasource["url"]!.GetValue<string>());
        Assert.Matches(EnvironmentReference(), datasource["jsonData"]!["dbName"]!.GetValue<string>());
        // InfluxDB 2.x answers InfluxQL (through its DBRP mapping) to a token in this header.
        Assert.Equal("Authorization", datasource["jsonData"]!["httpHeaderName1"]!.GetValue<string>());
        var header = datasource["secureJsonData"]!["httpHeaderValue1"]!.GetValue<string>();
        Assert.StartsWith("Token ", header, StringComparison.Ordinal);
        Assert.Matches(EnvironmentReference(), header);
        Assert.DoesNotContain("password", datasource.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void DashboardProvider_LoadsTheDashboardsFolderAsMountedInCompose()
    {
        var provider = Assert.Single(YamlFile.Load("grafana/provisioning/dashboards/chargewatch.yaml")["providers"]!.AsArray())!;
        var path = provider["options"]!["path"]!.GetValue<string>();

        Assert.Equal("file", provider["type"]!.GetValue<string>());
        var grafana = Compose.ComposeFile.Load().Service("grafana");
        Assert.Contains(grafana.Mounts, m => m.Source == "./grafana/dashboards" && m.Target == path);
        Assert.Contains(grafana.Mounts, m => m.Source == "./grafana/provisioning" && m.Target == "/etc/grafana/provisioning");
    }

    [Fact]
    public void Datasource_EnvironmentVariables_AreSetForGrafanaInCompose()
    {
        var text = RepositoryRoot.ReadAllText(DatasourceProvisioning.Path);
        var grafana = Compose.ComposeFile.Load().Service("grafana");

        foreach (Match reference in EnvironmentReference().Matches(text))
        {
            var name = reference.Groups["name"].Value;
            Assert.True(grafana.Environment.ContainsKey(name), $"compose does not give Grafana {name}");
        }
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Z][A-Z0-9_]*)\}")]
    private static partial Regex EnvironmentReference();
}
