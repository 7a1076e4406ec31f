using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Readings;
using ChargeWatch.Core.Rules;

namespace ChargeWatch.Core.Detection;

/// <summary>
/// Base class of a rule with typed options and typed per-device state. Override
/// <see cref="OnReading(RuleContext, Reading, TOptions, TState)"/>, and the status or watermark hooks
/// when the rule needs them. See <see cref="IDetectionRule"/> for what the engine guarantees.
/// </summary>
public abstract class DetectionRule<TOptions, TState> : IDetectionRule
    where TOptions : RuleOptions
    where TState : class
{
    public abstract bool AppliesTo(DeviceKind kind);

    protected abstract TState CreateState(DeviceTrack device, TOptions options);

    protected abstract void OnReading(RuleContext context, Reading reading, TOptions options, TState state);

    protected virtual void OnStatus(RuleContext context, bool online, DateTimeOffset at, TOptions options, TState state)
    {
    }

    public virtual void OnWatermark(RuleContext context, string site, DateTimeOffset watermark)
    {
    }

    object IDetectionRule.CreateState(DeviceTrack device, object options) => CreateState(device, (TOptions)options);

    void IDetectionRule.OnReading(RuleContext context, Reading reading, object options, object state) =>
        OnReading(context, reading, (TOptions)options, (TState)state);

    void IDetectionRule.OnStatus(RuleContext context, bool online, DateTimeOffset at, object options, object state) =>
        OnStatus(context, online, at, (TOptions)options, (TState)state);
}
