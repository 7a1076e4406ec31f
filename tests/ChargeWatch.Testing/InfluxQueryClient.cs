using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace ChargeWatch.Testing;

/// <summary>The InfluxDB 1.x HTTP API as tests need it: create a database, write lines, run InfluxQL.</summary>
public sealed class InfluxQueryClient(HttpClient http)
{
    public async Task CreateDatabaseAsync(string database, CancellationToken cancellationToken = default)
    {
        using var content = new FormUrlEncodedContent([new("q", $"CREATE DATABASE \"{database}\"")]);
        using var response = await http.PostAsync(new Uri("/query", UriKind.Relative), content, cancellationToken);
        await ThrowOnErrorAsync(response, "CREATE DATABASE", cancellationToken);
    }

    /// <summary>Writes line protocol with <c>/write</c>; precision is a v1 name (ns, u, ms, s).</summary>
    public async Task WriteAsync(string database, string lines, string precision = "ms", CancellationToken cancellationToken = default)
    {
        using var content = new StringContent(lines, Encoding.UTF8, "text/plain");
        var uri = new Uri($"/write?db={Uri.EscapeDataString(database)}&precision={precision}", UriKind.Relative);
        using var response = await http.PostAsync(uri, content, cancellationToken);
        await ThrowOnErrorAsync(response, "write", cancellationToken);
    }

    /// <summary>Runs InfluxQL; times come back as epoch milliseconds. Throws on any statement error.</summary>
    public async Task<IReadOnlyList<InfluxSeries>> QueryAsync(string database, string influxQl, CancellationToken cancellationToken = default)
    {
        var uri = new Uri(
            $"/query?db={Uri.EscapeDataString(database)}&epoch=ms&q={Uri.EscapeDataString(influxQl)}", UriKind.Relative);
        using var response = await http.GetAsync(uri, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InfluxQueryException($"InfluxQL '{influxQl}' answered {(int)response.StatusCode}: {body}");
        }
        return InfluxSeries.ParseResponse(body, influxQl);
    }

    /// <summary>
    /// The single number a query like <c>SELECT count(a) FROM port WHERE site='x'</c> returns;
    /// 0 when there is no data (InfluxDB then returns no series at all).
    /// </summary>
    public async Task<long> CountAsync(string database, string influxQl, CancellationToken cancellationToken = default)
    {
        var series = await QueryAsync(database, influxQl, cancellationToken);
        if (series.Count == 0)
        {
            return 0;
        }
        var rows = series.SelectMany(s => s.Rows).ToList();
        var value = rows.Single()[1];
        return value.ValueKind == JsonValueKind.Null ? 0 : value.GetInt64();
    }

    /// <summary>
    /// Points of <paramref name="measurement"/> for one site: the largest per-field count of
    /// <c>SELECT count(*)</c>, so measurements whose fields are all optional count right too.
    /// </summary>
    public async Task<long> CountPointsAsync(string database, string measurement, string site, CancellationToken cancellationToken = default)
    {
        var series = await QueryAsync(database, $"SELECT count(*) FROM \"{measurement}\" WHERE \"site\" = '{site}'", cancellationToken);
        return series.SelectMany(s => s.Rows)
            .SelectMany(row => row.Columns.Where(c => c.StartsWith("count_", StringComparison.Ordinal)).Select(c => row[c]))
            .Where(v => v.ValueKind == JsonValueKind.Number)
            .Select(v => v.GetInt64())
            .DefaultIfEmpty(0)
            .Max();
    }

    /// <summary>
    /// The newest value of every field of the worker's own counters (measurement <c>chargewatch</c>)
    /// for one instance; empty before the first counters were written.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, double>> LastCountersAsync(string database, string instance, CancellationToken cancellationToken = default)
    {
        var series = await QueryAsync(database, $"SELECT last(*) FROM chargewatch WHERE \"instance\" = '{instance}'", cancellationToken);
        var counters = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var row in series.SelectMany(s => s.Rows))
        {
            foreach (var column in row.Columns.Where(c => c.StartsWith("last_", StringComparison.Ordinal)))
            {
                if (row[column].ValueKind == JsonValueKind.Number)
                {
                    counters[column["last_".Length..]] = row[column].GetDouble();
                }
            }
        }
        return counters;
    }

    private static async Task ThrowOnErrorAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode || body.Contains("\"error\"", StringComparison.Ordinal))
        {
            throw new InfluxQueryException(string.Create(CultureInfo.InvariantCulture,
                $"InfluxDB {what} answered {(int)response.StatusCode}: {body}"));
        }
    }
}

public sealed class InfluxQueryException(string message) : Exception(message);
