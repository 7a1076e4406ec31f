using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Readings;
using ChargeWatch.Worker.Configuration;

namespace ChargeWatch.Worker.Storage;

/// <summary>
/// The meters' stored readings (contract §7's <c>meter</c> measurement), read back with InfluxQL on
/// <c>/query</c> — which InfluxDB 1.x, 1.8+, 2.x (its v1-compatible API, through the bucket's DBRP
/// mapping) and 3.x all serve. Read an hour at a time, so that no answer holds a day of every meter;
/// each meter's readings come in time order. Only the given sites' meters when there are any (a
/// worker subscribed to some sites: <c>Mqtt:Sites</c>).
/// </summary>
public sealed class InfluxMeterHistory
{
    private const string TruncatedAnswer =
        "InfluxDB cut the meter history answer short: its [http] max-row-limit is below the meters' readings in an hour (0 lifts it)";
    private static readonly TimeSpan Slice = TimeSpan.FromHours(1);
    private readonly HttpClient _http;
    private readonly string _queryUri;
    private readonly string? _token;
    private readonly string _siteCondition;

    public InfluxMeterHistory(HttpClient http, InfluxOptions options, IReadOnlyCollection<string>? sites = null)
    {
        _siteCondition = sites is { Count: > 0 }
            ? "(" + string.Join(" OR ", sites.Select(site => $"\"site\" = '{site.Replace("'", "\\'", StringComparison.Ordinal)}'")) + ")"
            : "";
        _http = http;
        _http.Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
        _queryUri = options.Url.TrimEnd('/') + "/query?" + options.V1DatabaseQuery() + "&epoch=ms&q=";
        _token = SecretFile.Resolve(options.Token, options.TokenFile);
    }

    /// <summary>The time of the newest meter reading stored; null when there is none.</summary>
    public async Task<DateTimeOffset?> NewestAsync(CancellationToken ct)
    {
        using var answer = await QueryAsync("SELECT last(\"w\") FROM \"meter\"" + (_siteCondition.Length == 0 ? "" : " WHERE " + _siteCondition), ct);
        foreach (var series in Series(answer))
        {
            foreach (var row in series.GetProperty("values").EnumerateArray())
            {
                return DateTimeOffset.FromUnixTimeMilliseconds(row[0].GetInt64());
            }
        }
        return null;
    }

    /// <summary>
    /// Every meter reading stored after <paramref name="from"/> up to and including <paramref name="to"/>.
    /// The next hour is asked for while the caller takes the last one's readings, so that InfluxDB
    /// answering and the engines replaying overlap (two hours' answers in memory at most).
    /// </summary>
    public async IAsyncEnumerable<MeterReading> ReadAsync(DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken ct)
    {
        using var ahead = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var next = from < to ? QueryAsync(SliceStatement(from, to), ahead.Token) : null;
        try
        {
            for (var start = from; next is not null; start += Slice)
            {
                using var answer = await next;
                next = start + Slice < to ? QueryAsync(SliceStatement(start + Slice, to), ahead.Token) : null;
                foreach (var series in Series(answer))
                {
                    foreach (var reading in Readings(series))
                    {
                        yield return reading;
                    }
                }
            }
        }
        finally
        {
            // Left early (a refused answer, the caller stopping): the hour asked for ahead is not wanted.
            if (next is not null)
            {
                await ahead.CancelAsync();
                try
                {
                    (await next).Dispose();
                }
                catch (Exception) when (next.IsFaulted || next.IsCanceled)
                {
                }
            }
        }
    }

    private string SliceStatement(DateTimeOffset start, DateTimeOffset to)
    {
        var end = start + Slice < to ? start + Slice : to;
        return string.Create(CultureInfo.InvariantCulture,
            $"SELECT \"w\", \"v\", \"a\", \"pf\" FROM \"meter\" WHERE {(_siteCondition.Length == 0 ? "" : _siteCondition + " AND ")}time > {start.ToUnixTimeMilliseconds()}ms AND time <= {end.ToUnixTimeMilliseconds()}ms GROUP BY \"site\", \"meter\", \"role\"");
    }

    private static IEnumerable<MeterReading> Readings(JsonElement series)
    {
        var tags = series.GetProperty("tags");
        var device = new DeviceKey(Tag(tags, "site"), DeviceKind.Meter, Tag(tags, "meter"));
        MeterRole? role = Tag(tags, "role") switch
        {
            "corridor" => MeterRole.Corridor,
            "household" => MeterRole.Household,
            _ => null,
        };
        foreach (var row in series.GetProperty("values").EnumerateArray())
        {
            // A point without w is not a meter reading the contract knows (w is required).
            if (Number(row[1]) is not { } watts)
            {
                continue;
            }
            yield return new MeterReading(device, DateTimeOffset.FromUnixTimeMilliseconds(row[0].GetInt64()), null,
                watts, Number(row[2]), Number(row[3]), Number(row[4]), null, role, null, null);
        }
    }

    private static string Tag(JsonElement tags, string name) =>
        tags.TryGetProperty(name, out var value) && value.GetString() is { } text ? text : "";

    private static double? Number(JsonElement cell) => cell.ValueKind == JsonValueKind.Number ? cell.GetDouble() : null;

    private static IEnumerable<JsonElement> Series(JsonDocument answer)
    {
        foreach (var result in answer.RootElement.GetProperty("results").EnumerateArray())
        {
            if (result.TryGetProperty("error", out var error))
            {
                throw new InvalidOperationException("InfluxDB refused the meter history query: " + error.GetString());
            }
            // A detector fed the first rows of an hour only would learn a wrong evening.
            if (IsPartial(result))
            {
                throw new InvalidOperationException(TruncatedAnswer);
            }
            if (result.TryGetProperty("series", out var series))
            {
                foreach (var one in series.EnumerateArray())
                {
                    if (IsPartial(one))
                    {
                        throw new InvalidOperationException(TruncatedAnswer);
                    }
                    yield return one;
                }
            }
        }
    }

    private static bool IsPartial(JsonElement element) =>
        element.TryGetProperty("partial", out var partial) && partial.ValueKind == JsonValueKind.True;

    private async Task<JsonDocument> QueryAsync(string statement, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _queryUri + Uri.EscapeDataString(statement));
        if (!string.IsNullOrEmpty(_token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Token", _token);
        }
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            throw new InvalidOperationException($"InfluxDB answered {(int)response.StatusCode} to the meter history query: {(body.Length > 200 ? body[..200] : body)}");
        }
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        return await JsonDocument.ParseAsync(stream, cancellationToken: ct);
    }
}
