using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Detection;
using ChargeWatch.Core.Readings;

namespace ChargeWatch.Worker.Pipeline;

/// <summary>
/// Stands in until a detection engine is registered (registered with TryAdd, so the engine's own
/// registration wins): storage works on its own, no alerts are raised.
/// </summary>
public sealed class NoDetectionEngineFactory : IDetectionEngineFactory
{
    public IDetectionEngine Create(int shard, int shardCount) => Engine.Instance;

    private sealed class Engine : IDetectionEngine
    {
        public static readonly Engine Instance = new();

        public void OnReading(Reading reading, List<AlertMessage> changes)
        {
        }

        public void OnStatus(DeviceKey device, bool online, List<AlertMessage> changes)
        {
        }

        public void OnWatermark(string site, DateTimeOffset watermark, List<AlertMessage> changes)
        {
        }
    }
}
