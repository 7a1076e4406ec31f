using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace ChargeWatch.Deploy.Tests;

/// <summary>Reads a YAML file of the repository into a JSON tree (every scalar as a string), easy to navigate in tests.</summary>
internal static class YamlFile
{
    public static JsonNode Load(string relativePath)
    {
        using var reader = new StringReader(RepositoryRoot.ReadAllText(relativePath));
        var stream = new YamlStream();
        stream.Load(reader);
        return Assert.Single(stream.Documents).RootNode is { } root
            ? Convert(root) ?? new JsonObject()
            : new JsonObject();
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(pair =>
            KeyValuePair.Create(((YamlScalarNode)pair.Key).Value!, Convert(pair.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(Convert)]),
        YamlScalarNode { Value: null or "~" or "null" } scalar when scalar.Style == YamlDotNet.Core.ScalarStyle.Plain => null,
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new NotSupportedException(node.GetType().Name),
    };
}
