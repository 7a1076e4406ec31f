namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>
/// The sizes (real and reactive power) of a household's big appliances, learned from their
/// switch-offs — a charger seldom starts in the very reading a heater stops, while it may well be
/// plugged in as one starts — so that a switch-on holding one of them and a smaller load beside it
/// (a heater and a charger in the same reading) can be told apart. Fixed-size state.
/// </summary>
internal sealed class ApplianceSizes
{
    private const int MaxSizes = 6;
    // A switch-off within this much of a known size is the same appliance.
    private const double SameSizeShare = 0.05;
    private const double SameSizeWatts = 30;
    // What a switch-on holds beside a known appliance counts from this share of it (an air
    // conditioner's runs differ by a few per cent) up to a charger's largest.
    private const double RemainderMinShare = 0.06;
    private const double RemainderMinWatts = 50;
    private const double RemainderMaxWatts = 650;
    // An appliance that switched off at a size twice is a thermostat's or a compressor's: a rice
    // cooker's one cooking run of the evening is no size to take others apart by.
    private const int MinRuns = 2;

    private readonly double[] _watts = new double[MaxSizes];
    private readonly double[] _vars = new double[MaxSizes];
    private readonly int[] _seen = new int[MaxSizes];
    private int _count;

    public void Learn(double watts, double vars)
    {
        for (var i = 0; i < _count; i++)
        {
            if (Math.Abs(_watts[i] - watts) <= SameSizeWatts + (SameSizeShare * _watts[i]))
            {
                _seen[i]++;
                var weight = 1.0 / Math.Min(_seen[i], 8);
                _watts[i] += (watts - _watts[i]) * weight;
                _vars[i] += (vars - _vars[i]) * weight;
                return;
            }
        }
        var slot = _count < MaxSizes ? _count++ : Rarest();
        (_watts[slot], _vars[slot], _seen[slot]) = (watts, vars, 1);
    }

    /// <summary>The largest known appliance that a switch-on of <paramref name="step"/> W holds with a charger-sized remainder.</summary>
    public bool TryHolding(double step, out double watts, out double vars)
    {
        var best = -1;
        for (var i = 0; i < _count; i++)
        {
            var remainder = step - _watts[i];
            if (_seen[i] >= MinRuns && remainder >= Math.Max(RemainderMinWatts, RemainderMinShare * _watts[i]) && remainder <= RemainderMaxWatts
                && (best < 0 || _watts[i] > _watts[best]))
            {
                best = i;
            }
        }
        watts = best < 0 ? double.NaN : _watts[best];
        vars = best < 0 ? double.NaN : _vars[best];
        return best >= 0;
    }

    private int Rarest()
    {
        var rarest = 0;
        for (var i = 1; i < MaxSizes; i++)
        {
            rarest = _seen[i] < _seen[rarest] ? i : rarest;
        }
        return rarest;
    }
}
