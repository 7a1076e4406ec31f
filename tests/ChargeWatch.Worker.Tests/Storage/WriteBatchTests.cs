using ChargeWatch.Worker.Storage;

namespace ChargeWatch.Worker.Tests.Storage;

public sealed class WriteBatchTests
{
    [Fact]
    public void Rent_KeepsTheTextWhole_BeyondAscii()
    {
        const string lines = "port,charger=c01,site=Zürich\\ Süd,shed=棚 a=1.5 1000\nalert,site=s1 summary=\"🚲 on a fly-wire\" 2000\n";

        var batch = WriteBatch.Rent(lines, 2, 7);

        Assert.Equal(lines, batch.ToText());
        Assert.Equal((2, 7L, true), (batch.LineCount, batch.AckThrough, batch.HasLines));
    }

    [Fact]
    public void Rent_NoLines_IsAnEmptyBatchThatStillAcknowledges()
    {
        var batch = WriteBatch.Rent([], 0, 12);

        Assert.True(batch.Utf8.IsEmpty);
        Assert.Equal((false, 12L), (batch.HasLines, batch.AckThrough));
    }

    [Fact]
    public void Release_LeavesNoLinesToRead_AndTwiceIsHarmless()
    {
        var batch = WriteBatch.Rent("m f=1i 1\n", 1, 1);

        batch.Release();
        batch.Release();

        Assert.True(batch.Utf8.IsEmpty);
        Assert.Equal(string.Empty, batch.ToText());
    }

    [Fact]
    public void Release_OfATextBatch_KeepsNothingPooled()
    {
        var batch = new WriteBatch("m f=1i 1\n", 1, 0);

        batch.Release();

        Assert.True(batch.Utf8.IsEmpty);
    }
}
