using ChargeWatch.Testing;

namespace ChargeWatch.Deploy.Tests.Grafana;

/// <summary>Runs dashboard queries as Grafana would: variables resolved in order, macros expanded, against a real InfluxDB.</summary>
internal sealed class DashboardRunner(InfluxQueryClient influx, string database, Func<DashboardFile, TimeWindow> window)
{
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(1);

    public Task<IReadOnlyList<InfluxSeries>> RunAsync(DashboardQuery query, IReadOnlyDictionary<string, string> variables) =>
        influx.QueryAsync(database, Expand(query, variables), TestContext.Current.CancellationToken);

    public string Expand(DashboardQuery query, IReadOnlyDictionary<string, string> variables) =>
        GrafanaMacros.Expand(query.Text, window(query.Dashboard),
            query.MinInterval is { } min ? GrafanaMacros.ParseInterval(min) : DefaultInterval, variables);

    /// <summary>
    /// Resolves the dashboard's variables in order, as Grafana does: each variable's query runs with
    /// the values chosen so far. <paramref name="selectAll"/> picks "All" where offered, else the
    /// first value in sort order. A variable without values is left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> ResolveVariablesAsync(DashboardFile dashboard, bool selectAll)
    {
        var chosen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in dashboard.Variables)
        {
            var values = await VariableValuesAsync(dashboard, variable, chosen);
            if (values.Count == 0)
            {
                // Grafana still offers "All" for a variable without values.
                if (variable is { IncludeAll: true, AllValue: { } all })
                {
                    chosen[variable.Name] = all;
                }
                continue;
            }
            chosen[variable.Name] = selectAll && variable.IncludeAll
                ? variable.AllValue ?? $"({string.Join('|', values.Select(GrafanaMacros.RegexValue))})"
                : GrafanaMacros.RegexValue(values[0]);
        }
        return chosen;
    }

    public async Task<IReadOnlyList<string>> VariableValuesAsync(
        DashboardFile dashboard, DashboardVariable variable, IReadOnlyDictionary<string, string> chosen)
    {
        var query = dashboard.Queries.Single(q => q.Variable == variable);
        var series = await RunAsync(query, chosen);
        return [.. series.SelectMany(s => s.Rows).Select(r => r["value"].GetString()!).Distinct().Order(StringComparer.Ordinal)];
    }
}
