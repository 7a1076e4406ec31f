using ChargeWatch.Testing;
using ChargeWatch.Worker.Alerting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChargeWatch.Worker.Tests.Alerting;

/// <summary>The re-post cadence on a moved clock, against a real Alertmanager: every minute, with <c>endsAt</c> five minutes ahead.</summary>
public sealed class AlertmanagerRepostTests : IAsyncLifetime
{
    private readonly string _dataDirectory = TempDirectory.Create("am-repost");
    private readonly HttpClient _http = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private AlertmanagerProcess? _alertmanager;
    private AlertmanagerDelivery? _delivery;

    [Fact]
    public async Task Firing_EachMinute_RepostedWithEndsAtFiveMinutesAhead()
    {
        var options = new AlertmanagerOptions { Urls = [_alertmanager!.Url] };
        var active = new ActiveAlerts(null, NullLogger.Instance);
        var sink = new AlertmanagerSink(new AlertmanagerAlertFactory(new TeamMap(), options.GrafanaUrl), active, _time, NullLogger<AlertmanagerSink>.Instance);
        _delivery = new AlertmanagerDelivery(sink, AlertmanagerTargets.Create(options, _dataDirectory, _http, active, _time, NullLoggerFactory.Instance),
            options, _time, NullLogger<AlertmanagerDelivery>.Instance);
        await _delivery.StartAsync(TestContext.Current.CancellationToken);
        var target = _delivery.Targets[0];

        sink.Publish(TestAlerts.Overcurrent());
        await PostedAsync(target, 1);
        _time.Advance(TimeSpan.FromSeconds(59));
        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.Equal(1, target.AlertsPosted);

        _time.Advance(TimeSpan.FromSeconds(1));
        await PostedAsync(target, 2);
        _time.Advance(TimeSpan.FromMinutes(1));
        await PostedAsync(target, 3);

        var held = Assert.Single((await _alertmanager.GetAlertsAsync(TestContext.Current.CancellationToken)).EnumerateArray());
        var endsAt = DateTimeOffset.Parse(held.GetProperty("endsAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromSeconds(options.EndsAtAheadSeconds), endsAt, TimeSpan.FromSeconds(1));
    }

    public async ValueTask InitializeAsync() =>
        _alertmanager = await AlertmanagerProcess.StartNewAsync(cancellationToken: TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_delivery is not null)
        {
            await _delivery.StopAsync(CancellationToken.None);
            _delivery.Dispose();
        }
        if (_alertmanager is not null)
        {
            await _alertmanager.DisposeAsync();
        }
        _http.Dispose();
        TempDirectory.DeleteQuietly(_dataDirectory);
    }

    private static Task<long> PostedAsync(AlertmanagerTarget target, long count) =>
        Eventually.UntilAsync(() => Task.FromResult(target.AlertsPosted), n => n >= count, TimeSpan.FromSeconds(10), $"{count} posts",
            cancellationToken: TestContext.Current.CancellationToken);
}
