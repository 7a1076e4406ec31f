using System.Buffers;
using ChargeWatch.Core.Alerts;

namespace ChargeWatch.Worker.Detection;

/// <summary>
/// The alerts active right now, kept on disk in <c>{DataDirectory}/alerts/</c> so a restart neither
/// repeats a firing nor forgets to resolve: a snapshot (<c>state.json</c>) plus a journal of the
/// changes since (<c>state.journal</c>). <see cref="Apply"/> returns only once its changes are on
/// disk, so a change never reaches the sinks before it would survive a crash.
/// <para>
/// Cost per change no longer grows with the number of active alerts: a change is a small record
/// appended to the journal, and the whole set is rewritten only when the journal has grown as large
/// as the snapshot (at least <see cref="MinCompactionBytes"/>). Shards that apply changes while a
/// write is under way wait for the next write, which takes all of them at once (group commit): a
/// burst of changes across shards costs one flush to disk, not one each.
/// </para>
/// </summary>
public sealed class AlertStateFile
{
    // Below this the journal is never compacted: replaying a megabyte at start takes milliseconds.
    internal const int MinCompactionBytes = 1 << 20;

    // Monitor rather than Lock: writers release it for the disk write and waiters need Wait/PulseAll.
    private readonly object _gate = new();
    private readonly Dictionary<string, AlertMessage> _active = new(StringComparer.Ordinal);
    private readonly AlertSnapshotFile _snapshot;
    private readonly AlertJournal _journal;
    private readonly ILogger<AlertStateFile> _logger;
    private ArrayBufferWriter<byte> _staged = new();
    private ArrayBufferWriter<byte> _spare = new();
    private long _stagedTicket;
    private long _durableTicket;
    private bool _writing;
    private long _writes;
    private long _journalBytes;
    private long _snapshotBytes;
    // Set when the disk does not hold the current state (unreadable snapshot, failed write):
    // the next write then rewrites the snapshot instead of appending to the journal.
    private bool _mustCompact;

    public AlertStateFile(string dataDirectory, ILogger<AlertStateFile> logger)
    {
        var directory = System.IO.Path.Combine(dataDirectory, "alerts");
        _snapshot = new AlertSnapshotFile(System.IO.Path.Combine(directory, "state.json"));
        _journal = new AlertJournal(System.IO.Path.Combine(directory, "state.journal"));
        _logger = logger;
        Restore();
        Restored = [.. _active.Values];
    }

    /// <summary>The snapshot file, <c>alerts/state.json</c>.</summary>
    public string Path => _snapshot.Path;

    /// <summary>The journal file, <c>alerts/state.journal</c>.</summary>
    public string JournalPath => _journal.Path;

    /// <summary>The alerts that were active when the files were last written (read at construction).</summary>
    public IReadOnlyList<AlertMessage> Restored { get; }

    /// <summary>Disk writes (journal appends and snapshots) since start; fewer than <see cref="Apply"/> calls when they overlap.</summary>
    internal long Writes
    {
        get
        {
            lock (_gate)
            {
                return _writes;
            }
        }
    }

    /// <summary>
    /// Applies state changes (firing: keep the newest message; resolved: drop) and returns once
    /// they are on disk. Thread-safe: shards report changes concurrently.
    /// </summary>
    public void Apply(IReadOnlyList<AlertMessage> changes, int from = 0)
    {
        if (changes.Count <= from)
        {
            return;
        }
        lock (_gate)
        {
            for (var i = from; i < changes.Count; i++)
            {
                var change = changes[i];
                if (change.Status == AlertStatus.Firing)
                {
                    _active[change.Id] = change;
                }
                else
                {
                    _active.Remove(change.Id);
                }
                AlertJournalRecord.Write(change, _staged);
            }
            var ticket = ++_stagedTicket;
            while (_durableTicket < ticket)
            {
                if (_writing)
                {
                    Monitor.Wait(_gate);
                }
                else
                {
                    WriteStaged();
                }
            }
        }
    }

    // Called holding _gate. Takes everything staged so far and releases the gate for the disk
    // write, so other shards can stage (and then wait for the next write) meanwhile.
    private void WriteStaged()
    {
        _writing = true;
        var records = _staged;
        var ticket = _stagedTicket;
        (_staged, _spare) = (_spare, _staged);
        // Copied under the gate, the set is exactly the state after this write's records, so a
        // compaction replaces them and the journal starts again after them.
        var compactTo = _mustCompact || _journalBytes + records.WrittenCount >= Math.Max(MinCompactionBytes, _snapshotBytes)
            ? _active.Values.ToList()
            : null;
        var journalIsSound = !_mustCompact;
        Monitor.Exit(_gate);
        var appended = false;
        int? snapshotBytes = null;
        try
        {
            // Appended even when compacting: the snapshot is then the state at the journal's very end,
            // and replaying that journal over it (a crash between the snapshot's rename and the
            // journal's deletion) changes nothing. Had these records only gone to the snapshot, the
            // replay would set an alert they change back to its older journalled state.
            if (compactTo is null || journalIsSound)
            {
                appended = TryAppend(records.WrittenSpan);
            }
            if (compactTo is not null)
            {
                snapshotBytes = TryCompact(compactTo);
            }
        }
        finally
        {
            Monitor.Enter(_gate);
            Written(appended ? records.WrittenCount : null, snapshotBytes);
            records.ResetWrittenCount();
            _writes++;
            _durableTicket = ticket;
            _writing = false;
            Monitor.PulseAll(_gate);
        }
    }

    // Called holding _gate (or from the constructor): what the disk now holds.
    private void Written(int? appendedBytes, int? snapshotBytes)
    {
        if (snapshotBytes is { } size)
        {
            _snapshotBytes = size;
            _journalBytes = 0;
            _mustCompact = false;
        }
        else if (appendedBytes is { } length)
        {
            _journalBytes += length;
        }
        else
        {
            _mustCompact = true;
        }
    }

    private bool TryAppend(ReadOnlySpan<byte> records)
    {
        try
        {
            _journal.Append(records);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Alerts still go out; only a restart could then repeat or miss one. Say so loudly.
            _logger.LogError(e, "Could not append to the alert state journal {Path}", _journal.Path);
            return false;
        }
    }

    // Only the writer (or the constructor) runs this, so the journal sees no append meanwhile.
    // Returns the snapshot's size, or null when it could not be written.
    private int? TryCompact(List<AlertMessage> active)
    {
        try
        {
            var size = _snapshot.Write(active);
            _journal.Delete();
            return size;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _logger.LogError(e, "Could not write the alert state file {Path}", _snapshot.Path);
            return null;
        }
    }

    private void Restore()
    {
        RestoreSnapshot();
        byte[] journal;
        try
        {
            journal = _journal.ReadAll();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _logger.LogError(e, "Alert state journal {Path} is unreadable; restoring from the snapshot alone", _journal.Path);
            return;
        }
        if (journal.Length == 0)
        {
            return;
        }
        var replay = AlertJournalRecord.Replay(journal, _active);
        if (replay.IgnoredBytes > 0 || replay.Unreadable > 0)
        {
            // A cut-short last write is expected after a crash: that change was never published.
            _logger.LogWarning(
                "Alert state journal {Path}: ignored {Bytes} bytes after the last whole record and skipped {Unreadable} unreadable records",
                _journal.Path, replay.IgnoredBytes, replay.Unreadable);
        }
        if (_logger.IsEnabled(LogLevel.Information))
        {
            _logger.LogInformation("Replayed {Records} alert state changes from {Path}; {Count} alerts active", replay.Applied, _journal.Path, _active.Count);
        }
        // Start from a snapshot and an empty journal: a damaged tail must not sit in front of new records.
        Written(null, TryCompact([.. _active.Values]));
    }

    private void RestoreSnapshot()
    {
        if (!_snapshot.Exists)
        {
            return;
        }
        try
        {
            var alerts = _snapshot.Read(out var size);
            _snapshotBytes = size;
            foreach (var alert in alerts)
            {
                _active[alert.Id] = alert;
            }
            if (_logger.IsEnabled(LogLevel.Information))
            {
                _logger.LogInformation("Restored {Count} active alerts from {Path}", alerts.Count, _snapshot.Path);
            }
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or UnauthorizedAccessException)
        {
            _logger.LogError(e, "Alert state file {Path} is unreadable; starting without its alerts", _snapshot.Path);
            _mustCompact = true;
        }
    }
}
