using ChargeWatch.Core.Rules.Common;

namespace ChargeWatch.Core.Rules.Smoke;

/// <summary>The sensor's smoke alert cycle.</summary>
internal sealed class SmokeState
{
    public AlertCycle Cycle;
}
