using System.Text.Json;

namespace ChargeWatch.Testing;

/// <summary>One series of an InfluxQL answer: a measurement, its group-by tags, columns and rows.</summary>
public sealed record InfluxSeries(
    string Name,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<string> Columns,
    IReadOnlyList<InfluxRow> Rows)
{
    /// <summary>Parses the body of <c>/query</c>; throws when any statement reports an error.</summary>
    public static IReadOnlyList<InfluxSeries> ParseResponse(string json, string influxQl)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.TryGetProperty("error", out var topError))
        {
            throw new InfluxQueryException($"InfluxQL '{influxQl}' failed: {topError.GetString()}");
        }
        var result = new List<InfluxSeries>();
        foreach (var statement in root.GetProperty("results").EnumerateArray())
        {
            if (statement.TryGetProperty("error", out var error))
            {
                throw new InfluxQueryException($"InfluxQL '{influxQl}' failed: {error.GetString()}");
            }
            if (!statement.TryGetProperty("series", out var seriesArray))
            {
                continue;
            }
            foreach (var series in seriesArray.EnumerateArray())
            {
                result.Add(ParseSeries(series));
            }
        }
        return result;
    }

    private static InfluxSeries ParseSeries(JsonElement series)
    {
        var name = series.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "";
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (series.TryGetProperty("tags", out var tagObject))
        {
            foreach (var tag in tagObject.EnumerateObject())
            {
                tags[tag.Name] = tag.Value.GetString() ?? "";
            }
        }
        var columns = series.GetProperty("columns").EnumerateArray().Select(c => c.GetString() ?? "").ToList();
        var index = columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        var rows = new List<InfluxRow>();
        if (series.TryGetProperty("values", out var values))
        {
            foreach (var row in values.EnumerateArray())
            {
                rows.Add(new InfluxRow(index, [.. row.EnumerateArray().Select(v => v.Clone())]));
            }
        }
        return new InfluxSeries(name, tags, columns, rows);
    }
}

/// <summary>One row of a series; values by column name or position.</summary>
public sealed class InfluxRow(IReadOnlyDictionary<string, int> columnIndex, IReadOnlyList<JsonElement> values)
{
    public JsonElement this[int position] => values[position];

    public JsonElement this[string column] => values[columnIndex[column]];

    public IEnumerable<string> Columns => columnIndex.Keys;

    public bool Has(string column) =>
        columnIndex.TryGetValue(column, out var i) && values[i].ValueKind != JsonValueKind.Null;

    /// <summary>The <c>time</c> column as epoch milliseconds (queries run with <c>epoch=ms</c>).</summary>
    public long TimeMs => this["time"].GetInt64();

    public double? Number(string column) => Has(column) ? this[column].GetDouble() : null;

    public string? Text(string column) => Has(column) ? this[column].ToString() : null;

    public bool? Flag(string column) => Has(column) ? this[column].GetBoolean() : null;
}
