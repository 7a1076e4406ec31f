using System.Text.RegularExpressions;

namespace ChargeWatch.Deploy.Tests.Compose;

/// <summary>
/// Configuration keys the worker really binds, read from its source: every options class declares
/// <c>const string Section = "ChargeWatch:X"</c> and public settable properties.
/// </summary>
internal static partial class SourceSettings
{
    public const string WorkerSource = "src/ChargeWatch.Worker";

    /// <summary>Section path (e.g. <c>ChargeWatch:Mqtt</c>) → property names of its options class.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> WorkerSections() =>
        Directory.EnumerateFiles(RepositoryRoot.File(WorkerSource), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{System.IO.Path.DirectorySeparatorChar}obj{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(path => ClassDeclaration().Split(File.ReadAllText(path)))
            .Select(body => (Section: SectionConstant().Match(body), Body: body))
            .Where(c => c.Section.Success)
            .GroupBy(c => c.Section.Groups["section"].Value, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlySet<string>)g.SelectMany(c => SettableProperty().Matches(c.Body).Select(m => m.Groups["name"].Value))
                    .ToHashSet(StringComparer.Ordinal),
                StringComparer.Ordinal);

    /// <summary>
    /// Whether an environment variable like <c>ChargeWatch__Alertmanager__Urls__0</c> names a key the
    /// worker binds: the section before the last name, the property after it (list indexes dropped).
    /// </summary>
    public static bool WorkerReads(string environmentName, IReadOnlyDictionary<string, IReadOnlySet<string>> sections)
    {
        var parts = environmentName.Split("__").Where(p => !p.All(char.IsAsciiDigit)).ToList();
        if (parts.Count < 2 || parts[0] != "ChargeWatch")
        {
            return false;
        }
        var section = string.Join(':', parts[..^1]);
        return sections.TryGetValue(section, out var properties) && properties.Contains(parts[^1]);
    }

    [GeneratedRegex(@"\bclass\s+\w+")]
    private static partial Regex ClassDeclaration();

    [GeneratedRegex(@"const\s+string\s+Section\s*=\s*""(?<section>ChargeWatch(:\w+)*)""")]
    private static partial Regex SectionConstant();

    [GeneratedRegex(@"public\s+[\w<>?,\s\[\]]+?\s+(?<name>[A-Z]\w*)\s*\{\s*get;\s*(set|init);")]
    private static partial Regex SettableProperty();
}
