using ChargeWatch.Core.Contract;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ChargeWatch.Simulator.Scenarios;

/// <summary>Reads and validates scenario YAML, reporting every problem with its file and line.</summary>
public static class ScenarioLoader
{
    public const string Extension = ".yaml";

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    /// <summary>The shipped scenarios folder: <c>simulator/scenarios</c> found upwards from here, or next to the binary.</summary>
    public static string? FindScenarioDirectory(string? start = null)
    {
        foreach (var origin in new[] { start ?? Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "simulator", "scenarios");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
                candidate = Path.Combine(dir.FullName, "scenarios");
                if (Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, "*" + Extension).Any())
                {
                    return candidate;
                }
            }
        }
        return null;
    }

    /// <summary>A path, or the name of a shipped scenario (<c>demo</c>).</summary>
    public static string Resolve(string nameOrPath)
    {
        if (File.Exists(nameOrPath))
        {
            return nameOrPath;
        }
        var dir = FindScenarioDirectory();
        var candidate = dir is null ? null : Path.Combine(dir, nameOrPath + Extension);
        return candidate is not null && File.Exists(candidate) ? candidate : nameOrPath;
    }

    public static (Scenario? Scenario, IReadOnlyList<ScenarioError> Errors) Load(string path)
    {
        if (!File.Exists(path))
        {
            return (null, [new ScenarioError(path, 0, "file not found")]);
        }
        var text = File.ReadAllText(path);
        return Parse(text, path);
    }

    public static (Scenario? Scenario, IReadOnlyList<ScenarioError> Errors) Parse(string yaml, string fileName)
    {
        ScenarioFile file;
        YamlMappingNode? root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode as YamlMappingNode : null;
            file = Deserializer.Deserialize<ScenarioFile>(yaml) ?? new ScenarioFile();
        }
        catch (YamlException e)
        {
            var message = e.InnerException?.Message ?? e.Message;
            return (null, [new ScenarioError(fileName, (int)e.Start.Line, message)]);
        }
        var errors = new List<ScenarioError>();
        var located = new Locator(root, fileName, errors);
        var scenario = ScenarioValidator.Validate(file, located);
        return errors.Count == 0 ? (scenario, errors) : (null, errors);
    }

    /// <summary>Finds the line of a key path such as <c>events[3].device</c> to name it in errors.</summary>
    internal sealed class Locator(YamlMappingNode? root, string fileName, List<ScenarioError> errors)
    {
        public void Error(string path, string message) => errors.Add(new ScenarioError(fileName, LineOf(path), $"{path}: {message}"));

        public int LineOf(string path)
        {
            YamlNode? node = root;
            var line = 1;
            foreach (var part in path.Split('.'))
            {
                var name = part;
                int? index = null;
                var bracket = part.IndexOf('[', StringComparison.Ordinal);
                if (bracket >= 0)
                {
                    name = part[..bracket];
                    index = int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
                }
                if (node is not YamlMappingNode map)
                {
                    break;
                }
                var key = map.Children.Keys.FirstOrDefault(k => k is YamlScalarNode s && s.Value == name);
                if (key is null)
                {
                    break;
                }
                line = (int)key.Start.Line;
                node = map.Children[key];
                if (index is { } i && node is YamlSequenceNode seq && i < seq.Children.Count)
                {
                    node = seq.Children[i];
                    line = (int)node.Start.Line;
                }
            }
            return line;
        }
    }

    internal static bool IsDeviceId(string id) => TopicParser.IsDeviceId(id);
}
