using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;
using ChargeWatch.Worker.Detection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargeWatch.Worker.Tests.Alerts;

/// <summary>The journal behind <see cref="AlertStateFile"/>: appends, damaged tails, compaction.</summary>
public sealed class AlertStateFileJournalTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 7, 8, 21, 30, 0, TimeSpan.FromHours(8));
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cw-alert-journal-" + Guid.NewGuid().ToString("N")[..8]);

    private string Alerts => Path.Combine(_directory, "alerts");

    private string Snapshot => Path.Combine(Alerts, "state.json");

    private string Journal => Path.Combine(Alerts, "state.journal");

    internal static AlertMessage Firing(int charger, int port = 1) => new()
    {
        Id = AlertId.For("overcurrent.instant", Charger(charger), port),
        Rule = "overcurrent.instant",
        Status = AlertStatus.Firing,
        Severity = AlertSeverity.Critical,
        Device = Charger(charger),
        Port = port,
        StartsAt = Start,
        ChangedAt = Start,
        Value = 25,
        Threshold = 4,
        Unit = "A",
        Summary = $"Port {port} of c{charger} drew 25 A",
        Shed = "shed-a",
    };

    internal static AlertMessage Resolved(int charger, int port = 1) =>
        Firing(charger, port) with { Status = AlertStatus.Resolved, EndsAt = Start.AddMinutes(1) };

    private static DeviceKey Charger(int n) => new("dongyuan-1", DeviceKind.Charger, $"c{n:D4}");

    private AlertStateFile Open() => new(_directory, NullLogger<AlertStateFile>.Instance);

    private int[] RestoredChargers() => [.. Open().Restored.Select(a => int.Parse(a.DeviceId[1..], System.Globalization.CultureInfo.InvariantCulture)).Order()];

    [Fact]
    public void Apply_Change_IsOnDiskWhenItReturnsWithoutRewritingTheSnapshot()
    {
        Open().Apply([Firing(1), Firing(2)]);
        var state = Open();
        var snapshot = File.ReadAllBytes(Snapshot);

        state.Apply([Firing(3)]);

        Assert.Equal(snapshot, File.ReadAllBytes(Snapshot));
        Assert.InRange(new FileInfo(Journal).Length, 1, 2_000);
        Assert.Equal([1, 2, 3], RestoredChargers());
    }

    [Fact]
    public void Open_JournalCutShortByACrash_KeepsTheWholeRecordsAndIgnoresTheRest()
    {
        var state = Open();
        state.Apply([Firing(1)]);
        state.Apply([Firing(2)]);
        var whole = File.ReadAllBytes(Journal);
        state.Apply([Firing(3)]);
        var complete = File.ReadAllBytes(Journal);
        File.WriteAllBytes(Journal, complete[..(whole.Length + ((complete.Length - whole.Length) / 2))]);

        Assert.Equal([1, 2], RestoredChargers());
        Assert.False(File.Exists(Journal));
        Assert.Equal([1, 2], RestoredChargers());
    }

    [Fact]
    public void Open_ZeroFilledJournalTail_IsIgnoredAndLaterAppendsAreKept()
    {
        Open().Apply([Firing(1)]);
        using (var journal = new FileStream(Journal, FileMode.Append))
        {
            journal.Write(new byte[4096]);
        }

        var state = Open();
        state.Apply([Firing(2)]);

        Assert.Equal([1, 2], RestoredChargers());
    }

    [Fact]
    public void Open_RecordFailingItsChecksum_StopsTheReplayThere()
    {
        var state = Open();
        state.Apply([Firing(1)]);
        var first = new FileInfo(Journal).Length;
        state.Apply([Firing(2)]);
        state.Apply([Firing(3)]);
        var bytes = File.ReadAllBytes(Journal);
        bytes[first + 20] ^= 0x20;
        File.WriteAllBytes(Journal, bytes);

        Assert.Equal([1], RestoredChargers());
    }

    [Fact]
    public void Open_WholeRecordThatCannotBeUnderstood_IsSkippedAndTheRecordsAfterItApply()
    {
        var state = Open();
        state.Apply([Firing(1)]);
        using (var journal = new FileStream(Journal, FileMode.Append))
        {
            journal.Write(Record((byte)'F', "[{\"from\":\"a later version\"}]"u8));
            journal.Write(Record((byte)'F', "not json"u8));
        }
        state.Apply([Firing(2)]);

        Assert.Equal([1, 2], RestoredChargers());
    }

    private static byte[] Record(byte kind, ReadOnlySpan<byte> payload)
    {
        var record = new byte[9 + payload.Length];
        record[8] = kind;
        payload.CopyTo(record.AsSpan(9));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)payload.Length);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(4), Crc32C.Compute(record.AsSpan(8)));
        return record;
    }

    [Fact]
    public void Open_JournalAlreadyInTheSnapshot_ReplayingItChangesNothing()
    {
        // The crash window of a compaction: the new snapshot is in place, the old journal not yet deleted.
        var state = Open();
        state.Apply([Firing(1), Firing(2), Resolved(1), Firing(3)]);
        var journal = File.ReadAllBytes(Journal);
        Assert.Equal([2, 3], RestoredChargers());
        File.WriteAllBytes(Journal, journal);

        Assert.Equal([2, 3], RestoredChargers());
    }

    [Fact]
    public void Open_SnapshotUnreadable_ReplaysTheJournalAndRewritesTheSnapshot()
    {
        Directory.CreateDirectory(Alerts);
        File.WriteAllText(Snapshot, "[{ broken");
        var state = Open();
        Assert.Empty(state.Restored);

        state.Apply([Firing(7)]);

        Assert.Equal([7], RestoredChargers());
        Assert.Single(AlertStateJsonOf(Snapshot));
    }

    [Fact]
    public void Apply_JournalOutgrowsTheSnapshot_CompactsItIntoTheSnapshot()
    {
        var state = Open();
        // Each change is a record of a few hundred bytes: thousands of them pass the 1 MiB floor
        // several times while only the last 100 alerts stay active.
        for (var i = 0; i < 6_000; i++)
        {
            state.Apply(i >= 100 ? [Firing(i), Resolved(i - 100)] : [Firing(i)]);
        }

        Assert.True(File.Exists(Snapshot));
        Assert.InRange(File.Exists(Journal) ? new FileInfo(Journal).Length : 0, 0, AlertStateFile.MinCompactionBytes);
        Assert.Equal([.. Enumerable.Range(5_900, 100)], RestoredChargers());
    }

    [Fact]
    public void Apply_DirectoryCannotBeWritten_ReturnsAndKeepsTheStateInMemory()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Alerts, "a file where the directory should be");
        var state = Open();

        state.Apply([Firing(1)]);
        state.Apply([Firing(2)]);

        Assert.Empty(state.Restored);
        File.Delete(Alerts);
        state.Apply([Firing(3)]);
        // The write after a failure rewrites the whole state, not just the newest change.
        Assert.Equal([1, 2, 3], RestoredChargers());
    }

    private static List<AlertMessage> AlertStateJsonOf(string path) =>
        ChargeWatch.Core.Detection.AlertStateJson.Read(File.ReadAllBytes(path));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
