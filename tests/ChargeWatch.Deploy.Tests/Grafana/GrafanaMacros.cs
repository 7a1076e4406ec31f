using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ChargeWatch.Deploy.Tests.Grafana;

/// <summary>
/// What Grafana's InfluxDB datasource does to an InfluxQL text before sending it: time-range and
/// interval macros, then template variables (<c>$name</c>, <c>${name}</c>, <c>[[name]]</c>).
/// </summary>
internal static partial class GrafanaMacros
{
    private static readonly HashSet<string> Builtins = new(StringComparer.Ordinal)
    {
        "timeFilter", "__timeFilter", "__interval", "__interval_ms", "interval", "__from", "__to",
    };

    public static string Expand(string query, TimeWindow window, TimeSpan interval, IReadOnlyDictionary<string, string> variables)
    {
        var timeFilter = string.Create(CultureInfo.InvariantCulture, $"time >= {window.FromMs}ms and time <= {window.ToMs}ms");
        var text = query
            .Replace("$__timeFilter", timeFilter, StringComparison.Ordinal)
            .Replace("$timeFilter", timeFilter, StringComparison.Ordinal)
            .Replace("$__interval_ms", ((long)interval.TotalMilliseconds).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("$__interval", InfluxDuration(interval), StringComparison.Ordinal)
            .Replace("$interval", InfluxDuration(interval), StringComparison.Ordinal)
            .Replace("$__from", window.FromMs.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("$__to", window.ToMs.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        text = VariableReference().Replace(text, match =>
        {
            var name = VariableName(match);
            return variables.TryGetValue(name, out var value)
                ? value
                : throw new InvalidOperationException($"variable ${name} has no value in: {query}");
        });
        return text;
    }

    /// <summary>Template variables the query refers to (Grafana's built-in macros excluded).</summary>
    public static IReadOnlySet<string> ReferencedVariables(string query) =>
        VariableReference().Matches(query).Select(VariableName).Where(n => !Builtins.Contains(n)).ToHashSet(StringComparer.Ordinal);

    /// <summary>A concrete value as Grafana formats it for InfluxDB regular expressions.</summary>
    public static string RegexValue(string value)
    {
        var escaped = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (@"\^$*+?.()|[]{}/".Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    /// <summary>Grafana's interval as an InfluxQL duration literal (<c>30s</c>, <c>1m</c>, <c>2h</c>).</summary>
    public static string InfluxDuration(TimeSpan interval) =>
        interval.TotalHours >= 1 && interval.TotalHours == Math.Floor(interval.TotalHours) ? $"{(int)interval.TotalHours}h"
        : interval.TotalMinutes >= 1 && interval.TotalMinutes == Math.Floor(interval.TotalMinutes) ? $"{(int)interval.TotalMinutes}m"
        : $"{(int)interval.TotalSeconds}s";

    /// <summary>Parses a Grafana interval (<c>30s</c>, <c>1m</c>, <c>10m</c>, <c>1h</c>, <c>1d</c>).</summary>
    public static TimeSpan ParseInterval(string text)
    {
        var number = double.Parse(text[..^1], CultureInfo.InvariantCulture);
        return text[^1] switch
        {
            's' => TimeSpan.FromSeconds(number),
            'm' => TimeSpan.FromMinutes(number),
            'h' => TimeSpan.FromHours(number),
            'd' => TimeSpan.FromDays(number),
            _ => throw new FormatException($"not a Grafana interval: {text}"),
        };
    }

    private static string VariableName(Match match) =>
        match.Groups["plain"].Success ? match.Groups["plain"].Value
        : match.Groups["braced"].Success ? match.Groups["braced"].Value
        : match.Groups["bracket"].Value;

    // $name, ${name} or ${name:format}, [[name]]; a '$' that ends a regular expression (/^x$/) is no variable.
    [GeneratedRegex(@"\$(?<plain>[A-Za-z_]\w*)|\$\{(?<braced>[A-Za-z_]\w*)(?::\w+)?\}|\[\[(?<bracket>[A-Za-z_]\w*)\]\]")]
    private static partial Regex VariableReference();
}

/// <summary>The dashboard time range of a test, in Unix milliseconds.</summary>
internal readonly record struct TimeWindow(long FromMs, long ToMs)
{
    public static TimeWindow Of(DateTimeOffset from, DateTimeOffset to) => new(from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds());
}
