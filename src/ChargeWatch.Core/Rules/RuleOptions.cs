using System.ComponentModel.DataAnnotations;

namespace ChargeWatch.Core.Rules;

/// <summary>
/// Base of every rule's options. Defaults live in the derived classes' initializers (contract §4);
/// configuration layers global → site → device values over them. Limits are data annotations;
/// relations between values go into <see cref="Validate"/>.
/// </summary>
public abstract class RuleOptions
{
    /// <summary>The per-rule switch: a disabled rule sees no readings of the device.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Problems that data annotations cannot express, e.g. a critical limit below the warning one.</summary>
    public virtual IEnumerable<string> Validate() => [];

    /// <summary>All problems of this instance: annotations first, then <see cref="Validate"/>.</summary>
    public IEnumerable<string> Problems() => OptionsValidation.Problems(this);
}

/// <summary>Runs data annotations plus a custom check on any options object.</summary>
public static class OptionsValidation
{
    public static IEnumerable<string> Problems(object options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        foreach (var result in results)
        {
            yield return result.ErrorMessage ?? "invalid value";
        }
        if (options is RuleOptions rule)
        {
            foreach (var problem in rule.Validate())
            {
                yield return problem;
            }
        }
    }
}
