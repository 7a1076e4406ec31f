using ChargeWatch.Core.Parsing;
using ChargeWatch.Worker.Configuration;
using ChargeWatch.Worker.Counters;
using ChargeWatch.Worker.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChargeWatch.Worker.Tests.Counters;

public sealed class CounterReporterTests
{
    [Fact]
    public void Snapshot_HasEveryAgreedFieldAsIntegerTimedNow()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 7, 8, 13, 30, 0, TimeSpan.Zero));
        var counters = new ServiceCounters();
        counters.MessageReceived();
        counters.MessageReceived();
        counters.MessageRejected(RejectReason.InvalidJson);
        counters.PointsWrittenAdd(11);
        counters.SetSpoolBytes(4096);
        var reporter = new CounterReporter(
            counters, new SideWrites(NullLogger<SideWrites>.Instance),
            Options.Create(new CountersOptions()), Options.Create(new WorkerOptions { Instance = "w 1" }), time);

        var line = reporter.Snapshot().ToText();

        Assert.StartsWith("chargewatch,instance=w\\ 1 ", line, StringComparison.Ordinal);
        Assert.EndsWith(" 1783517400000\n", line, StringComparison.Ordinal);
        string[] fields =
        [
            "messages_received=2i", "messages_rejected=1i", "rejected_invalid_json=1i", "rejected_too_large=0i",
            "rejected_unroutable=0i", "points_written=11i", "write_failures=0i", "spool_bytes=4096i",
            "alerts_raised=0i", "alerts_resolved=0i", "duplicates=0i", "late_readings=0i",
        ];
        Assert.All(fields, field => Assert.Contains(field, line, StringComparison.Ordinal));
        Assert.All(RejectReasonNames.All, reason => Assert.Contains("rejected_" + reason.ToName() + "=", line, StringComparison.Ordinal));
    }
}
