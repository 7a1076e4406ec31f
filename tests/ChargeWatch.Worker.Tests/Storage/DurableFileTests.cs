using System.Text;
using ChargeWatch.Worker.Storage;

namespace ChargeWatch.Worker.Tests.Storage;

public sealed class DurableFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cw-durable-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PathOf(string name) => Path.Combine(_directory, name);

    [Fact]
    public void Write_NewFile_HoldsHeadThenBodyAndLeavesNoTemporaryFile()
    {
        DurableFile.Write(PathOf("a.bin"), "head\n"u8, "body"u8);

        Assert.Equal("head\nbody", File.ReadAllText(PathOf("a.bin"), Encoding.UTF8));
        Assert.Equal(["a.bin"], Directory.GetFiles(_directory).Select(Path.GetFileName));
    }

    [Fact]
    public void Write_ExistingFile_ReplacesItWhole()
    {
        File.WriteAllText(PathOf("state.json"), "a much longer old content");

        DurableFile.Write(PathOf("state.json"), "{}"u8);

        Assert.Equal("{}", File.ReadAllText(PathOf("state.json")));
    }

    [Fact]
    public void Write_WithoutReplaceOverAnExistingFile_ThrowsAndKeepsTheOldFile()
    {
        File.WriteAllText(PathOf("000001.batch"), "spooled");

        Assert.ThrowsAny<IOException>(() => DurableFile.Write(PathOf("000001.batch"), "other"u8, replace: false));
        Assert.Equal("spooled", File.ReadAllText(PathOf("000001.batch")));
    }

    [Fact]
    public void FlushDirectory_MissingDirectory_ThrowsWithItsName()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "Directories are flushed with fsync on Linux only.");
        var missing = PathOf("no-such-directory");

        var error = Assert.Throws<IOException>(() => DurableFile.FlushDirectory(missing));
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FlushDirectory_ExistingDirectory_Succeeds() => DurableFile.FlushDirectory(_directory);
}
