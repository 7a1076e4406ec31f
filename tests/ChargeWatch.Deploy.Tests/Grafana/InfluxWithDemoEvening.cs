using ChargeWatch.Testing;

namespace ChargeWatch.Deploy.Tests.Grafana;

/// <summary>A real InfluxDB 1.6 holding <see cref="DemoEvening"/>, shared by the dashboard query tests.</summary>
public sealed class InfluxWithDemoEvening : IAsyncLifetime
{
    private InfluxDbProcess? _influx;

    internal InfluxDbProcess Influx => _influx ?? throw new InvalidOperationException("InfluxDB did not start");

    public async ValueTask InitializeAsync()
    {
        var influx = new InfluxDbProcess();
        try
        {
            await influx.StartAsync();
            await influx.CreateDatabaseAsync(DemoEvening.Database);
            foreach (var batch in DemoEvening.Data.LineProtocolBatches())
            {
                await influx.Client.WriteAsync(DemoEvening.Database, batch);
            }
            _influx = influx;
        }
        catch
        {
            // xunit v3 does not dispose a fixture whose start failed: stop influxd here.
            await influx.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_influx is not null)
        {
            await _influx.DisposeAsync();
        }
    }
}
