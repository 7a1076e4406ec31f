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
