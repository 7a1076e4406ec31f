using System.Threading.Channels;
using ChargeWatch.Worker.Alerts;
using ChargeWatch.Worker.Configuration;
using ChargeWatch.Worker.Ingest;
using ChargeWatch.Worker.Pipeline;
using ChargeWatch.Worker.Storage;
using Microsoft.Extensions.Options;

namespace ChargeWatch.Worker.Hosting;

/// <summary>
/// Runs the data path — MQTT ingest → pipeline → shards, and the writer — and owns its shutdown
/// order: stop taking messages, let the pipeline flush its last batch, let the writer make it
/// durable and acknowledge it, then disconnect (keeping the broker session). A failure of any part
/// is fatal: the host stops and the process exits non-zero.
/// </summary>
public sealed class IngestWorker(
    MqttIngest ingest,
    IngestPipeline pipeline,
    InfluxWriter writer,
    SideWrites sideWrites,
    ShardSet shards,
    IEnumerable<IWarmStart> warmStarts,
    MqttAlertSink mqttAlerts,
    IOptions<MqttOptions> mqttOptions,
    IOptions<InfluxOptions> influxOptions,
    IOptions<WorkerOptions> workerOptions,
    IHostApplicationLifetime lifetime,
    ILogger<IngestWorker> logger) : BackgroundService
{
    // Cancelled only when the host's shutdown timeout is about to run out: then work in flight is abandoned (and redelivered later).
    private readonly CancellationTokenSource _hardStop = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunAsync(stoppingToken);
        }
        catch (Exception e) when (!_hardStop.IsCancellationRequested)
        {
            logger.LogCritical(e, "ChargeWatch stopped on a fatal error");
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await using var registration = cancellationToken.Register(_hardStop.Cancel);
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _hardStop.Dispose();
        base.Dispose();
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        var influx = influxOptions.Value;
        var worker = workerOptions.Value;
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("ChargeWatch starting: InfluxDB {Api} at {Url}, bucket '{Bucket}'; data directory {DataDirectory}; {Shards} shards",
            influx.Api, influx.Url, influx.Bucket, Path.GetFullPath(worker.DataDirectory), shards.Count);
        }

        var input = Channel.CreateBounded<IncomingMessage>(new BoundedChannelOptions(mqttOptions.Value.ReceiveMaximum + 64)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var batches = Channel.CreateBounded<WriteBatch>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });

        var hardStop = _hardStop.Token;
        shards.Start(hardStop);
        var alertsTask = Task.Run(() => mqttAlerts.RunAsync(hardStop), CancellationToken.None);
        // Before any live reading, so that each device's history reaches its engine first; the
        // broker holds what arrives meanwhile (persistent session).
        try
        {
            foreach (var warmStart in warmStarts)
            {
                await warmStart.RunAsync(shards, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped while warming up: the shutdown below still runs in order.
        }
        var writerTask = Task.Run(() => writer.RunAsync(batches.Reader, sideWrites.Reader, hardStop), CancellationToken.None);
        var pipelineTask = Task.Run(() => pipeline.RunAsync(input.Reader, batches, hardStop), CancellationToken.None);
        var ingestTask = ingest.RunAsync(input.Writer, stoppingToken);

        var first = await Task.WhenAny(ingestTask, pipelineTask, writerTask);
        if (first != ingestTask)
        {
            await first; // rethrows the failure
            throw new InvalidOperationException("The pipeline or writer stopped while ingest was running");
        }
        await ingestTask;

        logger.LogInformation("Stopping: flushing and acknowledging what was received");
        ingest.StopReceiving();
        input.Writer.TryComplete();
        await pipelineTask;
        await writerTask;
        await shards.CompleteAsync();
        await ingest.DisconnectAsync(hardStop);
        await _hardStop.CancelAsync();
        try
        {
            await alertsTask;
        }
        catch (OperationCanceledException)
        {
        }
        logger.LogInformation("Stopped cleanly");
    }
}
