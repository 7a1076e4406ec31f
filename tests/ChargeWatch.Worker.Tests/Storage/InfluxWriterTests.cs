using System.Threading.Channels;
using ChargeWatch.Worker.Acks;
using ChargeWatch.Worker.Configuration;
using ChargeWatch.Worker.Counters;
using ChargeWatch.Worker.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargeWatch.Worker.Tests.Storage;

public sealed class InfluxWriterTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cw-writer-" + Guid.NewGuid().ToString("N"));
    private readonly ScriptedInfluxClient _influx = new();
    private readonly AckSequencer _acks = new();
    private readonly ServiceCounters _counters = new();
    private readonly List<int> _acked = [];

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private sealed class RecordingAck(int id, List<int> log) : IAckHandle
    {
        public ValueTask AcknowledgeAsync(CancellationToken ct)
        {
            lock (log)
            {
                log.Add(id);
            }
            return ValueTask.CompletedTask;
        }
    }

    private (InfluxWriter Writer, DiskSpool Spool) Create(long spoolBytes = 1 << 20)
    {
        var spool = new DiskSpool(Path.Combine(_directory, "spool"), spoolBytes);
        var writer = new InfluxWriter(
            _influx,
            WriteResilience.Create(new InfluxOptions { MaxRetries = 1 }, TimeProvider.System, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(500)),
            spool,
            new RejectedBatchStore(Path.Combine(_directory, "rejected"), TimeProvider.System),
            _acks,
            _counters,
            TimeProvider.System,
            NullLogger<InfluxWriter>.Instance);
        return (writer, spool);
    }

    private WriteBatch Message(int n)
    {
        var number = _acks.Register(new RecordingAck(n, _acked));
        return WriteBatch.Rent($"m f={n}i {n}\n", 1, number);
    }

    private int[] Acked()
    {
        lock (_acked)
        {
            return [.. _acked];
        }
    }

    [Fact]
    public async Task Handle_InfluxAccepts_WritesThenAcknowledges()
    {
        var (writer, _) = Create();
        await writer.HandleAsync(Message(1), TestContext.Current.CancellationToken);
        Assert.Equal(["m f=1i 1\n"], _influx.Accepted);
        Assert.Equal([1], Acked());
        Assert.Equal(1, _counters.PointsWritten);
    }

    [Fact]
    public async Task Handle_GivesThePooledLinesBack_OnceWrittenOrSpooled_AndTheSpoolKeepsItsCopy()
    {
        var (writer, spool) = Create();
        var written = Message(1);
        await writer.HandleAsync(written, TestContext.Current.CancellationToken);
        _influx.Answer = _ => 0;
        var spooled = Message(2);
        await writer.HandleAsync(spooled, TestContext.Current.CancellationToken);

        Assert.True(written.Utf8.IsEmpty);
        Assert.True(spooled.Utf8.IsEmpty);
        Assert.True(spool.TryPeekOldest(out var kept));
        Assert.Equal("m f=2i 2\n", kept.ToText());
    }

    [Fact]
    public async Task Handle_InfluxDown_SpoolsAndAcknowledges_ThenDrainsInOrderWhenBack()
    {
        var (writer, spool) = Create();
        _influx.Answer = _ => 0;
        for (var i = 1; i <= 3; i++)
        {
            await writer.HandleAsync(Message(i), TestContext.Current.CancellationToken);
        }
        Assert.Equal([1, 2, 3], Acked());
        Assert.Equal(3, spool.Count);
        Assert.Equal(spool.Bytes, _counters.SpoolBytes);
        Assert.Empty(_influx.Accepted);

        _influx.Answer = _ => 204;
        var input = Channel.CreateUnbounded<WriteBatch>();
        input.Writer.TryWrite(Message(4));
        input.Writer.Complete();
        await Task.Delay(600, TestContext.Current.CancellationToken); // let the circuit half-open again
        await writer.RunAsync(input.Reader, null, TestContext.Current.CancellationToken);

        Assert.Equal(["m f=1i 1\n", "m f=2i 2\n", "m f=3i 3\n", "m f=4i 4\n"], _influx.Accepted);
        Assert.Equal([1, 2, 3, 4], Acked());
        Assert.True(spool.IsEmpty);
        Assert.Equal(0, _counters.SpoolBytes);
    }

    [Fact]
    public async Task Handle_PoisonBatch_SetAsideAcknowledgedAndNotBlockingTheNext()
    {
        var (writer, spool) = Create();
        _influx.Answer = lines => lines.Contains("f=2i", StringComparison.Ordinal) ? 400 : 204;
        for (var i = 1; i <= 3; i++)
        {
            await writer.HandleAsync(Message(i), TestContext.Current.CancellationToken);
        }
        Assert.Equal(["m f=1i 1\n", "m f=3i 3\n"], _influx.Accepted);
        Assert.Equal([1, 2, 3], Acked());
        Assert.True(spool.IsEmpty);
        Assert.Equal(1, _counters.BatchesRejected);
        var setAside = Assert.Single(Directory.GetFiles(Path.Combine(_directory, "rejected"), "*.lp"));
        Assert.Equal("m f=2i 2\n", File.ReadAllText(setAside));
        Assert.Contains("400", File.ReadAllText(Path.ChangeExtension(setAside, ".error.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_SpoolFull_WithholdsAcknowledgementUntilInfluxTakesData()
    {
        var (writer, spool) = Create(spoolBytes: 40);
        _influx.Answer = _ => 503;
        await writer.HandleAsync(Message(1), TestContext.Current.CancellationToken);
        Assert.Equal([1], Acked());
        Assert.Equal(1, spool.Count);

        var blocked = writer.HandleAsync(Message(2), TestContext.Current.CancellationToken);
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.False(blocked.IsCompleted);
        Assert.Equal([1], Acked());

        _influx.Answer = _ => 204;
        await blocked.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal([1, 2], Acked());
        Assert.Equal(["m f=1i 1\n", "m f=2i 2\n"], _influx.Accepted);
    }

    [Fact]
    public async Task Run_SideBatches_WrittenWithoutAcknowledging()
    {
        var (writer, _) = Create();
        var input = Channel.CreateUnbounded<WriteBatch>();
        var side = Channel.CreateUnbounded<WriteBatch>();
        side.Writer.TryWrite(new WriteBatch("alert f=1i 1\n", 1, 0));
        input.Writer.TryWrite(Message(1));
        input.Writer.Complete();
        await writer.RunAsync(input.Reader, side.Reader, TestContext.Current.CancellationToken);
        Assert.Contains("alert f=1i 1\n", _influx.Accepted);
        Assert.Contains("m f=1i 1\n", _influx.Accepted);
        Assert.Equal([1], Acked());
    }
}
