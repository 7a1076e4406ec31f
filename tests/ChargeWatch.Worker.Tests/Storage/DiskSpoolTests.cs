using ChargeWatch.Worker.Storage;

namespace ChargeWatch.Worker.Tests.Storage;

public sealed class DiskSpoolTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cw-spool-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static WriteBatch Batch(int n) => new($"m,t=x f={n}i {n}\n", 1, n);

    private static List<string> DrainAll(DiskSpool spool)
    {
        var seen = new List<string>();
        while (spool.TryPeekOldest(out var batch))
        {
            seen.Add(batch.ToText());
            spool.RemoveOldest();
        }
        return seen;
    }

    [Fact]
    public void TryPeekOldest_AfterAppends_ReturnsBatchesInAppendOrder()
    {
        var spool = new DiskSpool(_directory, 1 << 20);
        for (var i = 1; i <= 12; i++)
        {
            Assert.True(spool.TryAppend(Batch(i)));
        }
        Assert.Equal(Enumerable.Range(1, 12).Select(i => Batch(i).ToText()), DrainAll(spool));
        Assert.True(spool.IsEmpty);
        Assert.Equal(0, spool.Bytes);
    }

    [Fact]
    public void Reopen_AfterRestart_KeepsOrderAndContinuesNumbering()
    {
        var first = new DiskSpool(_directory, 1 << 20);
        first.TryAppend(Batch(1));
        first.TryAppend(Batch(2));
        var second = new DiskSpool(_directory, 1 << 20);
        Assert.Equal(2, second.Count);
        Assert.Equal(first.Bytes, second.Bytes);
        second.TryAppend(Batch(3));
        Assert.Equal([Batch(1).ToText(), Batch(2).ToText(), Batch(3).ToText()], DrainAll(second));
    }

    [Fact]
    public void TryPeekOldest_RestoredBatch_KeepsLineCountAndAcknowledgesNothing()
    {
        var spool = new DiskSpool(_directory, 1 << 20);
        spool.TryAppend(new WriteBatch("a f=1i 1\nb f=2i 2\n", 2, 99));
        Assert.True(new DiskSpool(_directory, 1 << 20).TryPeekOldest(out var restored));
        Assert.Equal(("a f=1i 1\nb f=2i 2\n", 2, 0L), (restored.ToText(), restored.LineCount, restored.AckThrough));
    }

    [Fact]
    public void TryAppend_OverCap_RefusesAndKeepsWhatItHas()
    {
        var spool = new DiskSpool(_directory, 200);
        var appended = 0;
        while (spool.TryAppend(Batch(appended + 1)))
        {
            appended++;
        }
        Assert.InRange(appended, 1, 10);
        Assert.True(spool.Bytes <= 200);
        Assert.Equal(appended, spool.Count);
        spool.RemoveOldest();
        Assert.True(spool.TryAppend(Batch(5)));
    }

    [Fact]
    public void Open_HalfWrittenTempFile_IsIgnoredAndRemoved()
    {
        var spool = new DiskSpool(_directory, 1 << 20);
        spool.TryAppend(Batch(1));
        // A crash between create and rename leaves a temporary file: its batch was never acknowledged.
        File.WriteAllText(Path.Combine(_directory, "0000000000000002.lp.tmp"), "#chargewatch-spool v1 999 1\nm f=");
        var reopened = new DiskSpool(_directory, 1 << 20);
        Assert.Equal([Batch(1).ToText()], DrainAll(reopened));
        Assert.Empty(Directory.GetFiles(_directory, "*.tmp"));
    }

    [Fact]
    public void TryPeekOldest_TruncatedFile_IsSetAsideAndSkipped()
    {
        var spool = new DiskSpool(_directory, 1 << 20);
        spool.TryAppend(Batch(1));
        spool.TryAppend(Batch(2));
        var oldest = Directory.GetFiles(_directory, "*.lp").Order(StringComparer.Ordinal).First();
        var bytes = File.ReadAllBytes(oldest);
        File.WriteAllBytes(oldest, bytes[..^3]);
        var reopened = new DiskSpool(_directory, 1 << 20);
        Assert.Equal([Batch(2).ToText()], DrainAll(reopened));
        Assert.Single(Directory.GetFiles(_directory, "*.corrupt"));
    }
}
