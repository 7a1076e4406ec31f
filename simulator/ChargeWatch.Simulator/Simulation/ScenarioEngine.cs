using System.Text;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Payloads;
using ChargeWatch.Simulator.Scenarios;
using static ChargeWatch.Simulator.Scenarios.EventTypes;

namespace ChargeWatch.Simulator.Simulation;

/// <summary>
/// Runs a scenario in event time: merges every device's readings in time order, applies the
/// message-level incidents (silence, duplicates, malformed payloads, reordering) and yields the
/// messages to publish. The same scenario and seed give byte-identical messages; wall time and
/// speed play no part here. <see cref="ApplyCommand"/> closes the loop with cut/restore.
/// </summary>
public sealed class ScenarioEngine
{
    private readonly World _world;
    private readonly object _commandLock = new();

    public ScenarioEngine(Scenario scenario, long? seed = null)
    {
        Scenario = scenario;
        Seed = seed ?? scenario.Seed;
        _world = new World(scenario, Seed);
    }

    public Scenario Scenario { get; }

    public long Seed { get; }

    public int DeviceCount => _world.Devices.Count;

    public ScenarioTruth Truth() => ScenarioTruth.From(Scenario, Seed, _world.MeterCharges);

    /// <summary>The night a household or corridor meter plays (its loads, readings and charges); null when there is no such meter.</summary>
    public Physics.Circuits.CircuitNight? MeterNight(string device) =>
        _world.Devices.OfType<MeterDevice>().FirstOrDefault(m => m.Key.Device == device)?.Night;

    /// <summary>
    /// The seed and options of every household meter's night: <c>HouseholdModel.Create(seed, options)</c>
    /// plays it again, and with a <c>DaySeed</c> the same household's other days.
    /// </summary>
    public IReadOnlyList<HouseholdDraw> Households => _world.Households;

    /// <summary>A cut or restore command for a port; false when no such pile or port exists.</summary>
    public bool ApplyCommand(string charger, int port, bool cut)
    {
        lock (_commandLock)
        {
            if (!_world.Piles.TryGetValue(charger, out var pile) || pile.Port(port) is not { } target)
            {
                return false;
            }
            target.SwitchedOff = cut;
            return true;
        }
    }

    public IEnumerable<SimMessage> Messages()
    {
        var end = Scenario.Duration.TotalSeconds;
        var queue = new PriorityQueue<int, (double, int)>();
        for (var i = 0; i < _world.Devices.Count; i++)
        {
            queue.Enqueue(i, (_world.Devices[i].NextSeconds, i));
        }
        var effects = new MessageEffects(Scenario);
        var pending = new List<SimMessage>();
        foreach (var extra in effects.Scheduled())
        {
            pending.Add(extra);
        }
        pending.Sort((a, b) => a.Seconds.CompareTo(b.Seconds));
        var nextExtra = 0;
        while (queue.TryDequeue(out var index, out var priority))
        {
            var seconds = priority.Item1;
            if (seconds >= end)
            {
                continue;
            }
            while (nextExtra < pending.Count && pending[nextExtra].Seconds <= seconds)
            {
                yield return pending[nextExtra++];
            }
            var device = _world.Devices[index];
            SimMessage message;
            lock (_commandLock)
            {
                var reading = device.Emit(Timestamp);
                message = new SimMessage(seconds, reading.Timestamp, device.Topic, TelemetryJson.ToUtf8(reading));
            }
            foreach (var m in effects.Apply(device.Key, message))
            {
                yield return m;
            }
            queue.Enqueue(index, (device.NextSeconds, index));
        }
        while (nextExtra < pending.Count)
        {
            yield return pending[nextExtra++];
        }
        foreach (var held in effects.Flush())
        {
            yield return held;
        }
    }

    private DateTimeOffset Timestamp(double seconds)
    {
        var time = Scenario.Local(_world.Clock.TimeAt(seconds));
        return new DateTimeOffset(time.Ticks - (time.Ticks % TimeSpan.TicksPerMillisecond), time.Offset);
    }

    /// <summary>Incidents that act on messages rather than on physics.</summary>
    private sealed class MessageEffects(Scenario scenario)
    {
        private readonly Dictionary<string, SimMessage> _held = new(StringComparer.Ordinal);

        public IEnumerable<SimMessage> Scheduled()
        {
            foreach (var e in scenario.Events)
            {
                var key = Key(e.Device!);
                var at = e.At.TotalSeconds;
                if (e.Type == Silent && e.Spec.Offline == true)
                {
                    yield return Status(key, at, "offline");
                    yield return Status(key, at + e.Duration.TotalSeconds, "online");
                }
                else if (e.Type == Malformed)
                {
                    var count = e.Spec.Count ?? 4;
                    for (var i = 0; i < count; i++)
                    {
                        yield return new SimMessage(at + i, At(at + i), Topics.Telemetry(key), MalformedPayload(i, At(at + i)));
                    }
                }
            }
        }

        public IEnumerable<SimMessage> Apply(DeviceKey device, SimMessage message)
        {
            if (Active(Silent, device, message.Seconds))
            {
                yield break;
            }
            if (Active(OutOfOrder, device, message.Seconds) && !_held.ContainsKey(device.Device))
            {
                // Hold this reading back and send it after the device's next one.
                _held[device.Device] = message;
                yield break;
            }
            yield return message;
            if (_held.Remove(device.Device, out var held))
            {
                yield return held;
            }
            if (Active(Duplicates, device, message.Seconds))
            {
                // A QoS 1 redelivery: the very same bytes again.
                yield return message;
            }
        }

        public List<SimMessage> Flush() => [.. _held.Values.OrderBy(m => m.Seconds)];

        private bool Active(string type, DeviceKey device, double seconds)
        {
            foreach (var e in scenario.Events)
            {
                if (e.Type == type && e.Device == device.Device && seconds >= e.At.TotalSeconds
                    && seconds < e.At.TotalSeconds + Math.Max(e.Duration.TotalSeconds, 1))
                {
                    return true;
                }
            }
            return false;
        }

        private DeviceKey Key(string device)
        {
            var kind = scenario.DeviceKinds.GetValueOrDefault(device) switch
            {
                "charger" => DeviceKind.Charger,
                "feeder" => DeviceKind.Feeder,
                "sensor" => DeviceKind.Sensor,
                _ => DeviceKind.Meter,
            };
            return new DeviceKey(scenario.Site, kind, device);
        }

        private DateTimeOffset At(double seconds) => scenario.Local(scenario.Start.AddSeconds(seconds));

        private SimMessage Status(DeviceKey key, double seconds, string status) =>
            new(seconds, At(seconds), Topics.Status(key), Encoding.UTF8.GetBytes(status), Retain: true);

        private static byte[] MalformedPayload(int index, DateTimeOffset time)
        {
            var ts = TelemetryJson.FormatTimestamp(time);
            var variants = new[]
            {
                "{\"ts\":\"" + ts + "\",\"w\":",                                  // truncated JSON
                "{\"seq\":1}",                                                     // no ts
                "{\"ts\":\"" + ts + "\",\"a\":-3.2,\"w\":12,\"ports\":[{\"port\":1,\"a\":-3.2}]}", // negative current
                "{\"ts\":\"" + ts + "\",\"w\":\"lots\",\"a\":\"1\",\"tempC\":\"hot\",\"ports\":\"x\"}", // wrong types
                "not json at all",
                "{\"ts\":\"yesterday\",\"w\":1,\"a\":1,\"ports\":[]}",               // bad timestamp
            };
            return Encoding.UTF8.GetBytes(variants[index % variants.Length]);
        }
    }
}
