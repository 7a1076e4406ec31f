using System.Text.RegularExpressions;

namespace ChargeWatch.Deploy.Tests.Compose;

/// <summary>The simulator's command line as its Spectre.Console.Cli source declares it: verbs and option names.</summary>
internal static partial class SimulatorCli
{
    public const string Source = "simulator/ChargeWatch.Simulator";

    public static IReadOnlySet<string> Verbs() =>
        SourceText().SelectMany(text => AddCommand().Matches(text)).Select(m => m.Groups["verb"].Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>Every option spelling (<c>--broker</c>, <c>-b</c>) of every command.</summary>
    public static IReadOnlySet<string> Options() =>
        SourceText().SelectMany(text => CommandOption().Matches(text))
            .SelectMany(m => m.Groups["template"].Value.Split([' ', '|'], StringSplitOptions.RemoveEmptyEntries))
            .Where(token => token.StartsWith('-'))
            .ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<string> SourceText() =>
        Directory.EnumerateFiles(RepositoryRoot.File(Source), "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText);

    [GeneratedRegex(@"AddCommand<[^>]+>\(\s*""(?<verb>[\w-]+)""")]
    private static partial Regex AddCommand();

    [GeneratedRegex(@"CommandOption\(\s*""(?<template>[^""]+)""")]
    private static partial Regex CommandOption();
}
