using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Detection;
using ChargeWatch.Core.Readings;

namespace ChargeWatch.Worker.Detection;

/// <summary>
/// The worker's engine factory: the Core engines over the configured sites, sharing the alerts
/// restored from the state file, each wrapped so that its state changes reach the state file
/// before the shard hands them to the sinks.
/// </summary>
public sealed class PersistingEngineFactory(DetectionEngineFactory engines, AlertStateFile state) : IDetectionEngineFactory
{
    private int _warmedUp;

    public DetectionCounters Counters => engines.Counters;

    public IDetectionEngine Create(int shard, int shardCount)
    {
        if (Interlocked.Exchange(ref _warmedUp, 1) == 0)
        {
            DetectionWarmup.Run(engines.Sites);
        }
        return new PersistingEngine(engines.Create(shard, shardCount), state);
    }

    private sealed class PersistingEngine(IDetectionEngine inner, AlertStateFile state) : IDetectionEngine
    {
        public void OnReading(Reading reading, List<AlertMessage> changes)
        {
            var before = changes.Count;
            inner.OnReading(reading, changes);
            state.Apply(changes, before);
        }

        public void OnStatus(DeviceKey device, bool online, List<AlertMessage> changes)
        {
            var before = changes.Count;
            inner.OnStatus(device, online, changes);
            state.Apply(changes, before);
        }

        public void OnWatermark(string site, DateTimeOffset watermark, List<AlertMessage> changes)
        {
            var before = changes.Count;
            inner.OnWatermark(site, watermark, changes);
            state.Apply(changes, before);
        }
    }
}
