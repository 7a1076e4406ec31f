using ChargeWatch.Worker.Health;
using System.Text.Json;

namespace ChargeWatch.Worker.Tests.Alerting.Health;

public sealed class HealthReportTests
{
    private static readonly HealthSignals Healthy = new(true, "broker:1883", 0, 1L << 30, 1000, 0, []);

    [Fact]
    public void Evaluate_ConnectedAndWriting_Ready()
    {
        var report = HealthReport.Evaluate(Healthy);

        Assert.True(report.Ready);
        Assert.Empty(report.Reasons);
    }

    [Fact]
    public void Evaluate_BrokerLost_NotReadyNamingTheBroker()
    {
        var report = HealthReport.Evaluate(Healthy with { BrokerConnected = false });

        Assert.False(report.Ready);
        Assert.Equal("not connected to the MQTT broker broker:1883", Assert.Single(report.Reasons));
    }

    [Fact]
    public void Evaluate_Spooling_StillReady() =>
        Assert.True(HealthReport.Evaluate(Healthy with { SpoolBytes = 500L << 20, WriteFailures = 12 }).Ready);

    [Fact]
    public void Evaluate_SpoolFull_NotReady()
    {
        var report = HealthReport.Evaluate(Healthy with { SpoolBytes = (1L << 30) - 1000 });

        Assert.False(report.Ready);
        Assert.StartsWith("InfluxDB is not taking writes and the spool is full", Assert.Single(report.Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_AlertmanagerDown_StillReadyButReported()
    {
        var report = HealthReport.Evaluate(Healthy with { UnreachableAlertmanagers = ["http://am:9093/"] });

        Assert.True(report.Ready);
        using var json = JsonDocument.Parse(report.ToUtf8());
        Assert.Equal("http://am:9093/", json.RootElement.GetProperty("alertmanagers_unreachable")[0].GetString());
    }

    [Fact]
    public void ToUtf8_NotReady_StatusAndReasons()
    {
        using var json = JsonDocument.Parse(HealthReport.Evaluate(Healthy with { BrokerConnected = false }).ToUtf8());

        Assert.Equal("unavailable", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("reasons").GetArrayLength());
        Assert.False(json.RootElement.GetProperty("broker_connected").GetBoolean());
    }

    [Theory]
    [InlineData("http://127.0.0.1:9464", "http://127.0.0.1:9464/")]
    [InlineData("http://0.0.0.0:9464", "http://*:9464/")]
    [InlineData("http://localhost:1234/;http://*:9464", "http://localhost:1234/,http://*:9464/")]
    [InlineData("", "")]
    public void Prefixes_Urls_ListenerPrefixes(string urls, string expected) =>
        Assert.Equal(expected, string.Join(",", new HttpOptions { Urls = urls }.Prefixes()));

    [Fact]
    public void Prefixes_NotHttp_FailsNamingTheKey()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new HttpOptions { Urls = "ftp://x:1" }.Prefixes());

        Assert.StartsWith("ChargeWatch:Http:Urls", error.Message, StringComparison.Ordinal);
    }
}
