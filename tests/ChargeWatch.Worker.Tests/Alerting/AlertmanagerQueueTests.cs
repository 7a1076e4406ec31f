using ChargeWatch.Testing;
using ChargeWatch.Worker.Alerting;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargeWatch.Worker.Tests.Alerting;

public sealed class AlertmanagerQueueTests : IDisposable
{
    private readonly string _directory = TempDirectory.Create("am-queue");
    private readonly AlertmanagerAlertFactory _factory = new(new TeamMap(), "http://grafana");

    [Fact]
    public void Peek_AfterEnqueues_ReturnsChangesInOrder()
    {
        var queue = new AlertmanagerQueue(_directory, 100, NullLogger.Instance);
        for (var port = 1; port <= 5; port++)
        {
            queue.Enqueue([Alert(port)]);
        }

        var pending = queue.Peek(3);

        Assert.Equal(["1", "2", "3"], pending.Select(c => c.Alerts[0].Labels["port"]));
    }

    [Fact]
    public void Remove_Delivered_NextPeekContinues()
    {
        var queue = new AlertmanagerQueue(_directory, 100, NullLogger.Instance);
        queue.Enqueue([Alert(1)]);
        queue.Enqueue([Alert(2)]);

        queue.Remove(queue.Peek(1));

        Assert.Equal("2", Assert.Single(queue.Peek(10)).Alerts[0].Labels["port"]);
        Assert.Equal(1, queue.Count);
    }

    [Fact]
    public void Constructor_AfterRestart_KeepsOrderAndContinuesNumbering()
    {
        var queue = new AlertmanagerQueue(_directory, 100, NullLogger.Instance);
        queue.Enqueue([Alert(1)]);
        queue.Enqueue([Alert(2)]);
        queue.Remove(queue.Peek(1));

        var reopened = new AlertmanagerQueue(_directory, 100, NullLogger.Instance);
        reopened.Enqueue([Alert(3)]);

        Assert.Equal(["2", "3"], reopened.Peek(10).Select(c => c.Alerts[0].Labels["port"]));
    }

    [Fact]
    public void Constructor_HalfWrittenFile_Ignored()
    {
        var queue = new AlertmanagerQueue(_directory, 100, NullLogger.Instance);
        queue.Enqueue([Alert(1)]);
        File.WriteAllText(Path.Combine(_directory, "0000000000000002.json.tmp"), "[{\"lab");

        var reopened = new AlertmanagerQueue(_directory, 100, NullLogger.Instance);

        Assert.Equal("1", Assert.Single(reopened.Peek(10)).Alerts[0].Labels["port"]);
        Assert.Empty(Directory.GetFiles(_directory, "*.tmp"));
    }

    [Fact]
    public void Peek_CorruptFile_SetAsideAndSkipped()
    {
        var queue = new AlertmanagerQueue(_directory, 100, NullLogger.Instance);
        queue.Enqueue([Alert(1)]);
        queue.Enqueue([Alert(2)]);
        File.WriteAllText(Directory.GetFiles(_directory, "*.json").Order(StringComparer.Ordinal).First(), "garbage");

        var pending = queue.Peek(10);

        Assert.Equal("2", Assert.Single(pending).Alerts[0].Labels["port"]);
        Assert.Single(Directory.GetFiles(_directory, "*.bad"));
    }

    [Fact]
    public void Enqueue_BeyondBound_DropsTheOldest()
    {
        var queue = new AlertmanagerQueue(_directory, 3, NullLogger.Instance);
        for (var port = 1; port <= 5; port++)
        {
            queue.Enqueue([Alert(port)]);
        }

        Assert.Equal(["3", "4", "5"], queue.Peek(10).Select(c => c.Alerts[0].Labels["port"]));
        Assert.Equal(2, queue.DroppedChanges);
    }

    [Fact]
    public void Peek_RoundTrip_KeepsEveryField()
    {
        var queue = new AlertmanagerQueue(_directory, 100, NullLogger.Instance);
        var resolved = _factory.Create(TestAlerts.Resolved(TestAlerts.Overcurrent(), TimeSpan.FromMinutes(1)), TestAlerts.Start.AddHours(1));
        queue.Enqueue([resolved]);

        var back = Assert.Single(Assert.Single(queue.Peek(1)).Alerts);

        Assert.Equal(resolved.Labels, back.Labels);
        Assert.Equal(resolved.Annotations, back.Annotations);
        Assert.Equal(resolved.StartsAt, back.StartsAt);
        Assert.Equal(resolved.ResolvedAt, back.ResolvedAt);
        Assert.Equal(resolved.GeneratorUrl, back.GeneratorUrl);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private AlertmanagerAlert Alert(int port) => _factory.Create(TestAlerts.Overcurrent(port: port), TestAlerts.Start);
}
