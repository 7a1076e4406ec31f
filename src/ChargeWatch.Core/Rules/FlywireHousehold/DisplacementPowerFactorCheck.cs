namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>
/// Tells, from a meter's own readings, whether its <c>pf</c> is the displacement power factor (cos φ
/// of the fundamental) rather than the true one. The true power factor, w / (v·a), can never exceed
/// cos φ, and falls below it wherever harmonics flow: a household's standby supplies, LED lamps and
/// electronics draw them all evening, and so does a charger. A meter whose reported pf stands above
/// w / (v·a) beyond both errors on most readings, and hardly ever below, reports cos φ. Amps of
/// another circuit disagree both ways; amps at a wrong scale put w / (v·a) lower than any household
/// draws (a charger's is 0.45 at the least), which counts against cos φ. Both leave the reported pf
/// standing.
/// </summary>
internal sealed class DisplacementPowerFactorCheck
{
    // Half an hour of a 60-s meter: enough readings that an evening's loads have shown themselves.
    private const int ReadingsBeforeVerdict = 30;

    // Below any household's true power factor: amps that say so are not this circuit's, or misscaled.
    private const double ImplausiblePowerFactor = 0.4;

    private int _compared;
    private int _above;
    private int _against;

    /// <summary>
    /// False until enough readings say otherwise, then true for good: a meter does not change what it
    /// reports, while an evening's share of readings above w / (v·a) falls whenever a heater outweighs
    /// the electronics, and a verdict that came and went would change how the meter is judged mid-charge.
    /// </summary>
    public bool IsDisplacement { get; private set; }

    public void Observe(double watts, double? reported, double? voltAmps)
    {
        if (IsDisplacement || ReadingPowerFactor.Compare(watts, reported, voltAmps) is not { } comparison)
        {
            return;
        }
        if (comparison < 0 || watts < ImplausiblePowerFactor * voltAmps)
        {
            _against++;
        }
        else if (comparison > 0)
        {
            _above++;
        }
        _compared++;
        IsDisplacement = _compared >= ReadingsBeforeVerdict && _above * 2 >= _compared && _against * 50 <= _compared;
    }
}
