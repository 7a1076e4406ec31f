using System.Text.Json.Nodes;

namespace ChargeWatch.Deploy.Tests.Grafana;

/// <summary>One dashboard JSON of <c>grafana/dashboards/</c>, with its variables and every InfluxQL query it runs.</summary>
internal sealed class DashboardFile
{
    private DashboardFile(string fileName, JsonObject root)
    {
        FileName = fileName;
        Root = root;
        Variables = [.. (root["templating"]?["list"]?.AsArray() ?? []).Select(v => DashboardVariable.From(v!.AsObject()))];
        Panels = [.. Flatten(root["panels"]?.AsArray() ?? [])];
        Queries = [.. VariableQueries().Concat(AnnotationQueries()).Concat(PanelQueries())];
    }

    public const string Folder = "grafana/dashboards";

    public string FileName { get; }

    public JsonObject Root { get; }

    public string? Uid => Root["uid"]?.GetValue<string>();

    public string? Title => Root["title"]?.GetValue<string>();

    public IReadOnlyList<DashboardVariable> Variables { get; }

    /// <summary>Every panel, including those nested in collapsed rows.</summary>
    public IReadOnlyList<JsonObject> Panels { get; }

    public IReadOnlyList<DashboardQuery> Queries { get; }

    public static IReadOnlyList<DashboardFile> All { get; } = LoadAll();

    public static DashboardFile Named(string fileName) => All.Single(d => d.FileName == fileName);

    private static List<DashboardFile> LoadAll() =>
    [
        .. Directory.GetFiles(RepositoryRoot.File(Folder), "*.json")
            .Order(StringComparer.Ordinal)
            .Select(path => new DashboardFile(Path.GetFileName(path), JsonNode.Parse(File.ReadAllText(path))!.AsObject())),
    ];

    private static IEnumerable<JsonObject> Flatten(JsonArray panels)
    {
        foreach (var node in panels)
        {
            var panel = node!.AsObject();
            yield return panel;
            foreach (var nested in Flatten(panel["panels"]?.AsArray() ?? []))
            {
                yield return nested;
            }
        }
    }

    private IEnumerable<DashboardQuery> VariableQueries() =>
        Variables.Where(v => v.Query is not null)
            .Select(v => new DashboardQuery(this, $"variable ${v.Name}", "-", v.Query!, null, v));

    private IEnumerable<DashboardQuery> AnnotationQueries() =>
        (Root["annotations"]?["list"]?.AsArray() ?? [])
            .Select(a => a!.AsObject())
            .Where(a => a["query"] is not null)
            .Select(a => new DashboardQuery(this, $"annotation {a["name"]}", "-", a["query"]!.GetValue<string>(), null, null));

    private IEnumerable<DashboardQuery> PanelQueries() =>
        from panel in Panels
        from target in panel["targets"]?.AsArray() ?? []
        select new DashboardQuery(
            this,
            panel["title"]!.GetValue<string>(),
            target!["refId"]!.GetValue<string>(),
            target["query"]!.GetValue<string>(),
            panel["interval"]?.GetValue<string>(),
            null);

    public override string ToString() => FileName;
}

/// <summary>A template variable; <see cref="Query"/> is its InfluxQL (null for constants and custom lists).</summary>
internal sealed record DashboardVariable(string Name, string Type, string? Query, bool IncludeAll, string? AllValue)
{
    public static DashboardVariable From(JsonObject variable)
    {
        var query = variable["query"] switch
        {
            JsonValue text => text.GetValue<string>(),
            JsonObject editor => editor["query"]?.GetValue<string>(),
            _ => null,
        };
        return new DashboardVariable(
            variable["name"]!.GetValue<string>(),
            variable["type"]!.GetValue<string>(),
            variable["type"]!.GetValue<string>() == "query" ? query : null,
            variable["includeAll"]?.GetValue<bool>() ?? false,
            variable["allValue"]?.GetValue<string>());
    }
}

/// <summary>One InfluxQL text a dashboard sends: a panel target, a variable or an annotation.</summary>
internal sealed record DashboardQuery(
    DashboardFile Dashboard, string Owner, string RefId, string Text, string? MinInterval, DashboardVariable? Variable)
{
    /// <summary>Stable name for test cases: <c>file|owner|refId</c>.</summary>
    public string Id => $"{Dashboard.FileName}|{Owner}|{RefId}";

    public bool IsPanelQuery => Variable is null && !Owner.StartsWith("annotation ", StringComparison.Ordinal);

    public static IEnumerable<DashboardQuery> All => DashboardFile.All.SelectMany(d => d.Queries);

    public static DashboardQuery ById(string id) => All.Single(q => q.Id == id);

    public override string ToString() => Id;
}
