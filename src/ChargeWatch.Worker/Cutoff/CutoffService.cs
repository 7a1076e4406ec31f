using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Parsing;
using ChargeWatch.Core.Points;
using ChargeWatch.Core.Readings;
using ChargeWatch.Worker.Configuration;
using ChargeWatch.Worker.Storage;
using MQTTnet;

namespace ChargeWatch.Worker.Cutoff;

/// <summary>
/// Sends the cut-off's commands and learns the piles it may have to switch off. Idle without a
/// connection while no site enables cut-off. Otherwise it keeps its own broker connection,
/// subscribes to the charger telemetry of the enabled sites (the sockets and sheds that a pile- or
/// shed-wide cut must reach), and publishes each order's commands at QoS 1, in order, reconnecting
/// and resending the unconfirmed rest after a broken connection (a repeated cut is harmless; a lost
/// one is not). Each order sent is then written to InfluxDB as an annotation, and so is each restore
/// someone else publishes (the <c>restore</c> command line): it listens to the sites' command topics,
/// without its own commands (MQTT 5 no-local), and annotates a restore under the alert that cut.
/// </summary>
public sealed class CutoffService(
    CutoffSettings settings,
    CutoffOutbox outbox,
    PortTopology topology,
    MqttOptions mqtt,
    TimeProvider time,
    CutoffState state,
    CutoffCounters counters,
    SideWrites influx,
    IDeviceDirectory directory,
    ILogger<CutoffService> logger) : BackgroundService
{
    private static readonly TimeSpan ConnectionCheckInterval = TimeSpan.FromSeconds(2);

    private readonly TopicParser _topics = new(cacheCapacity: 50_000);
    private readonly TelemetryParser _telemetry = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sites = settings.EnabledSites.ToList();
        if (sites.Count == 0)
        {
            return;
        }
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Protective cut-off enabled for sites {Sites}", string.Join(", ", sites));
        }
        using var client = new CutoffMqttClient(mqtt, "-cutoff");
        client.Client.ApplicationMessageReceivedAsync += OnTelemetryAsync;
        var filters = sites.Select(site => $"{Topics.Root}/{site}/charger/+/telemetry").ToList();
        var commandFilters = sites.Select(site => $"{Topics.Root}/{site}/charger/+/cmd").ToList();

        foreach (var unsent in state.Unsent())
        {
            logger.LogWarning("Cut-off for alert {Id} was decided but not confirmed before the last stop: sending it again", unsent.AlertId);
            outbox.Send(unsent);
        }

        CutoffOrder? order = null;
        var sent = 0;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!client.IsConnected)
                {
                    await client.ConnectAsync(stoppingToken).ConfigureAwait(false);
                    await client.SubscribeAsync(filters, noLocal: false, stoppingToken).ConfigureAwait(false);
                    await client.SubscribeAsync(commandFilters, noLocal: true, stoppingToken).ConfigureAwait(false);
                    if (failures > 0)
                    {
                        logger.LogInformation("Cut-off connection to the broker restored");
                    }
                    failures = 0;
                }
                if (order is null)
                {
                    state.SaveIfChanged(); // resolutions forgotten in memory reach the disk too
                    if (!outbox.Orders.TryRead(out order))
                    {
                        await WaitForOrderAsync(stoppingToken).ConfigureAwait(false);
                        continue; // re-check the connection: the telemetry subscription must stay alive too
                    }
                    sent = 0;
                    state.SaveIfChanged(); // the decision is on disk before any command goes out
                }
                while (sent < order.Commands.Count)
                {
                    var command = order.Commands[sent];
                    var result = await client.PublishAsync(command, stoppingToken).ConfigureAwait(false);
                    counters.Published(command);
                    if (!result.IsSuccess)
                    {
                        logger.LogError("Broker refused {Command} of {Target}: {Reason}", command.Name, command.Target, result.ReasonCode);
                    }
                    sent++;
                }
                if (order.Cuts)
                {
                    state.MarkSent(order.AlertId);
                    state.SaveIfChanged();
                }
                Annotate(order);
                order = null;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                failures++;
                if (failures == 1 || failures % 20 == 0)
                {
                    logger.LogWarning("Cut-off connection to the broker failed ({Error}); {Pending} commands waiting, retrying",
                        ex.Message, order is null ? 0 : order.Commands.Count - sent);
                }
                var delay = TimeSpan.FromMilliseconds(Math.Min(250 * Math.Pow(2, Math.Min(failures, 10)), 10_000));
                try
                {
                    await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
        if (order is not null)
        {
            logger.LogError("Stopped with cut-off commands unsent: {Commands}", order.Commands.Skip(sent).Select(c => $"{c.Name} {c.Target}"));
        }
        state.SaveIfChanged();
        try
        {
            await client.DisconnectAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogDebug(ex, "Cut-off connection not closed cleanly");
        }
    }

    private async Task WaitForOrderAsync(CancellationToken ct)
    {
        using var timeout = new CancellationTokenSource(ConnectionCheckInterval, time);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            await outbox.Orders.WaitToReadAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
        }
    }

    private Task OnTelemetryAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        // Sequential handler: one parser instance is safe here; learning the topology is cheap.
        if (!_topics.TryParse(e.ApplicationMessage.Topic, out var address) || address.Kind != DeviceKind.Charger)
        {
            return Task.CompletedTask;
        }
        if (address.Channel == Channel.Command)
        {
            if (CutoffCommand.TryReadRestore(e.ApplicationMessage.Payload, out var port))
            {
                OnRestoreByHand(new PortRef(address.Site, address.Device.Device, port));
            }
        }
        else if (_telemetry.TryParse(address, e.ApplicationMessage.Payload, out var reading, out _) && reading is ChargerReading charger)
        {
            topology.Observe(charger, directory.Find(address.Device).Shed);
        }
        return Task.CompletedTask;
    }

    private void OnRestoreByHand(PortRef port)
    {
        if (!state.TryTakeRestored(port, out var alertId, out var record))
        {
            logger.LogInformation("Restore of {Port} at site {Site} seen; no cut of it on record", port, port.Site);
            return;
        }
        logger.LogWarning("Cut-off: {Port} at site {Site} restored by hand (cut for alert {Id})", port, port.Site, alertId);
        // A person's act, annotated when it was seen: there is no event time to take it from.
        Annotate(new CutoffOrder([new CutoffCommand(port, Cut: false)], alertId, record.Rule, record.Severity, time.GetUtcNow(), ByHand: true));
    }

    private void Annotate(CutoffOrder order)
    {
        var lines = new LineProtocolBuffer(1024);
        CutoffAnnotation.Append(order, lines);
        // Through the writer's side queue: spooled like any batch while InfluxDB is down.
        influx.TryWrite(new WriteBatch(lines.ToString(), lines.LineCount, 0), "cut-off annotation");
    }
}
