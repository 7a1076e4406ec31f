namespace ChargeWatch.Deploy.Tests.Grafana;

/// <summary>
/// Every dashboard query against what the real worker stored from the demo evening's readings. The
/// readings and the worker's counters must show on every panel that reads them; panels over the
/// <c>alert</c> measurement must run (they show data once detection writes alerts).
/// </summary>
public sealed class WorkerStoredDashboardTests(WorkerStoredDemoEvening store) : IClassFixture<WorkerStoredDemoEvening>
{
    private readonly DashboardRunner _runner = new(store.Influx.Client, DemoEvening.Database,
        dashboard => dashboard.FileName == "service.json"
            ? TimeWindow.Of(store.StartedAt, DateTimeOffset.UtcNow.AddMinutes(1))
            : DemoEvening.Window);

    public static TheoryData<string> QueryIds()
    {
        var data = new TheoryData<string>();
        foreach (var query in DashboardQuery.All)
        {
            data.Add(query.Id);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(QueryIds))]
    public async Task DashboardQuery_OverWorkerStoredReadings_RunsAndFindsReadingsData(string id)
    {
        var query = DashboardQuery.ById(id);
        var variables = await _runner.ResolveVariablesAsync(query.Dashboard, selectAll: true);

        var series = await _runner.RunAsync(query, variables);

        if (!query.Text.Contains("FROM \"alert\"", StringComparison.Ordinal))
        {
            Assert.True(series.Any(s => s.Rows.Count > 0), $"no data for {id}: {_runner.Expand(query, variables)}");
        }
    }
}
