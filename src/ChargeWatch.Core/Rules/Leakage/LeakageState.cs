using ChargeWatch.Core.Rules.Common;

namespace ChargeWatch.Core.Rules.Leakage;

/// <summary>The feeder's leakage alert cycle.</summary>
internal sealed class LeakageState
{
    public AlertCycle Cycle;
}
