using System.Text.Json.Nodes;

namespace ChargeWatch.Deploy.Tests.Grafana;

/// <summary>The one datasource of <c>grafana/provisioning/datasources/</c>.</summary>
internal sealed record DatasourceProvisioning(JsonObject Datasource)
{
    public const string Path = "grafana/provisioning/datasources/chargewatch-influxdb.yaml";

    public string Uid => Datasource["uid"]!.GetValue<string>();

    public static DatasourceProvisioning Load()
    {
        var root = YamlFile.Load(Path);
        Assert.Equal("1", root["apiVersion"]?.GetValue<string>());
        return new DatasourceProvisioning(Assert.Single(root["datasources"]!.AsArray())!.AsObject());
    }
}
