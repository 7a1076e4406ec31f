using System.Globalization;
using System.Text.RegularExpressions;

namespace ChargeWatch.Simulator.Scenarios;

/// <summary>Durations (<c>90s</c>, <c>3m</c>, <c>1h30m</c>) and scenario times (<c>21:30</c>, <c>+2h</c>).</summary>
public static partial class TimeText
{
    public static bool TryParseDuration(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var match = DurationPattern().Match(text.Trim());
        if (!match.Success || match.Length == 0)
        {
            return false;
        }
        double Part(string name) => match.Groups[name].Success ? double.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        duration = TimeSpan.FromHours(Part("h")) + TimeSpan.FromMinutes(Part("m")) + TimeSpan.FromSeconds(Part("s")) + TimeSpan.FromMilliseconds(Part("ms"));
        return true;
    }

    /// <summary>Offset from the scenario start: <c>+1h</c> literally, <c>HH:mm[:ss]</c> as the next such local time.</summary>
    public static bool TryParseAt(string? text, DateTimeOffset start, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        text = text.Trim();
        if (text.StartsWith('+'))
        {
            return TryParseDuration(text[1..], out offset);
        }
        if (!TimeSpan.TryParseExact(text, ["hh\\:mm", "hh\\:mm\\:ss", "h\\:mm"], CultureInfo.InvariantCulture, out var timeOfDay))
        {
            return false;
        }
        var delta = timeOfDay - start.TimeOfDay;
        offset = delta < TimeSpan.Zero ? delta + TimeSpan.FromDays(1) : delta;
        return true;
    }

    [GeneratedRegex(@"^(?:(?<h>\d+(?:\.\d+)?)h)?(?:(?<m>\d+(?:\.\d+)?)m(?!s))?(?:(?<s>\d+(?:\.\d+)?)s)?(?:(?<ms>\d+)ms)?$")]
    private static partial Regex DurationPattern();
}
