using ChargeWatch.Testing;

namespace ChargeWatch.Worker.Tests.Storage;

/// <summary>A real InfluxDB 1.6 with the v2 write front, shared by the writer tests of one class.</summary>
public sealed class InfluxServer : IAsyncLifetime
{
    public InfluxDbProcess Influx { get; private set; } = null!;

    public InfluxV2WriteFront Front { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Influx = await InfluxDbProcess.StartNewAsync();
        try
        {
            Front = await InfluxV2WriteFront.StartAsync(Influx.Url);
        }
        catch
        {
            await Influx.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Front.DisposeAsync();
        await Influx.DisposeAsync();
    }
}
