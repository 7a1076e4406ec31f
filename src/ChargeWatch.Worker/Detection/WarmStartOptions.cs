using ChargeWatch.Worker.Configuration;
using Microsoft.Extensions.Options;

namespace ChargeWatch.Worker.Detection;

/// <summary>
/// The warm start (<c>ChargeWatch:WarmStart</c>): before live data, the engines replay the meters'
/// last <see cref="Hours"/> hours stored in InfluxDB, so that a restart does not make the fly-wire
/// detectors forget the households they had learned (sizes, refrigerator runs, a charge already
/// under way). 0 turns it off.
/// </summary>
public sealed class WarmStartOptions
{
    public const string Section = "ChargeWatch:WarmStart";

    public int Hours { get; set; } = 24;
}

internal sealed class WarmStartOptionsValidator : IValidateOptions<WarmStartOptions>
{
    public ValidateOptionsResult Validate(string? name, WarmStartOptions options)
    {
        var errors = new OptionsErrors(WarmStartOptions.Section);
        errors.Range(nameof(options.Hours), options.Hours, 0, 168);
        return errors.Result();
    }
}
