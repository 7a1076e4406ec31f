using System.Text.Json.Nodes;

namespace ChargeWatch.Deploy.Tests.Compose;

/// <summary><c>docker-compose.yml</c> as the tests read it (short volume syntax, map-style environment).</summary>
internal sealed class ComposeFile
{
    public const string Path = "docker-compose.yml";

    private ComposeFile(JsonNode root)
    {
        Root = root;
        Services = root["services"]!.AsObject()
            .ToDictionary(s => s.Key, s => new ComposeService(s.Key, s.Value!.AsObject()), StringComparer.Ordinal);
        Volumes = root["volumes"]?.AsObject().Select(v => v.Key).ToHashSet(StringComparer.Ordinal) ?? [];
    }

    public JsonNode Root { get; }

    public IReadOnlyDictionary<string, ComposeService> Services { get; }

    public IReadOnlySet<string> Volumes { get; }

    public static ComposeFile Load() => new(YamlFile.Load(Path));

    public ComposeService Service(string name) =>
        Services.TryGetValue(name, out var service) ? service : throw new Xunit.Sdk.XunitException($"compose has no service '{name}'");
}

internal sealed class ComposeService(string name, JsonObject definition)
{
    public string Name { get; } = name;

    public IReadOnlyList<ComposeMount> Mounts { get; } =
        [.. (definition["volumes"]?.AsArray() ?? []).Select(v => ComposeMount.Parse(v!.GetValue<string>()))];

    public IReadOnlyDictionary<string, string> Environment { get; } =
        (definition["environment"]?.AsObject() ?? [])
            .ToDictionary(e => e.Key, e => e.Value?.GetValue<string>() ?? "", StringComparer.Ordinal);

    public IReadOnlyList<string> Ports { get; } =
        [.. (definition["ports"]?.AsArray() ?? []).Select(p => p!.GetValue<string>())];

    public IReadOnlyDictionary<string, string> DependsOn { get; } =
        (definition["depends_on"]?.AsObject() ?? [])
            .ToDictionary(d => d.Key, d => d.Value?["condition"]?.GetValue<string>() ?? "service_started", StringComparer.Ordinal);

    public IReadOnlyList<string> Command { get; } =
        [.. (definition["command"]?.AsArray() ?? []).Select(c => c!.GetValue<string>())];

    public bool HasHealthcheck { get; } = definition["healthcheck"]?["test"] is not null;

    public string? Dockerfile { get; } = definition["build"]?["dockerfile"]?.GetValue<string>();

    public string? BuildContext { get; } = definition["build"]?["context"]?.GetValue<string>();

    public override string ToString() => Name;
}

/// <summary>A short-syntax volume entry: <c>source:target[:ro]</c>.</summary>
internal sealed record ComposeMount(string Source, string Target, bool ReadOnly)
{
    /// <summary>A bind mount starts with a path; anything else names a volume.</summary>
    public bool IsBind => Source.StartsWith('.') || Source.StartsWith('/');

    public static ComposeMount Parse(string text)
    {
        var parts = text.Split(':');
        return parts.Length switch
        {
            2 => new ComposeMount(parts[0], parts[1], false),
            3 => new ComposeMount(parts[0], parts[1], parts[2] == "ro"),
            _ => throw new FormatException($"not a short-syntax volume: {text}"),
        };
    }
}
