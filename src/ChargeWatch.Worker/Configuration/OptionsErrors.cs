using System.Globalization;
using Microsoft.Extensions.Options;

namespace ChargeWatch.Worker.Configuration;

/// <summary>
/// Collects validation failures that name the configuration key, e.g.
/// <c>ChargeWatch:Mqtt:Port must be 1..65535 (was 0)</c>, so that a bad value stops the start
/// with a message an operator can act on.
/// </summary>
internal sealed class OptionsErrors(string section)
{
    private readonly List<string> _failures = [];

    public string Key(string name) => $"{section}:{name}";

    public void Range(string name, long value, long min, long max)
    {
        if (value < min || value > max)
        {
            _failures.Add(string.Create(CultureInfo.InvariantCulture, $"{Key(name)} must be {min}..{max} (was {value})"));
        }
    }

    public void Required(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            _failures.Add($"{Key(name)} is required");
        }
    }

    public void OneOf(string name, string? value, params string[] allowed)
    {
        if (value is null || !allowed.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            _failures.Add($"{Key(name)} must be one of {string.Join(", ", allowed)} (was '{value}')");
        }
    }

    public void AbsoluteHttpUrl(string name, string? value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            _failures.Add($"{Key(name)} must be an absolute http(s) URL (was '{value}')");
        }
    }

    public void Fail(string message) => _failures.Add(message);

    public ValidateOptionsResult Result() =>
        _failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_failures);
}
