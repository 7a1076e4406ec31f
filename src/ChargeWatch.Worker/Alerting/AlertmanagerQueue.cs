using ChargeWatch.Worker.Storage;
using System.Globalization;
using System.Text.Json;

namespace ChargeWatch.Worker.Alerting;

/// <summary>
/// The alert changes not yet accepted by one Alertmanager, in order, on disk: one file per change,
/// named by a rising sequence number, written to a temporary name, flushed to disk and renamed, so
/// a crash leaves either the whole change or none of it. Survives restarts; bounded by dropping
/// the oldest changes (logged), which the periodic re-post of firing alerts largely makes good.
/// </summary>
public sealed class AlertmanagerQueue
{
    private const string Extension = ".json";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly string _directory;
    private readonly int _maxEntries;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly LinkedList<string> _files = new();
    private long _nextSequence;

    public AlertmanagerQueue(string directory, int maxEntries, ILogger logger)
    {
        _directory = directory;
        _maxEntries = maxEntries;
        _logger = logger;
        Directory.CreateDirectory(directory);
        foreach (var partial in Directory.EnumerateFiles(directory, "*" + DurableFile.TemporaryExtension))
        {
            File.Delete(partial);
        }
        var existing = Directory.EnumerateFiles(directory, "*" + Extension)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => long.TryParse(Path.GetFileNameWithoutExtension(name), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .Order(StringComparer.Ordinal);
        foreach (var name in existing)
        {
            _files.AddLast(name);
        }
        _nextSequence = _files.Last is { } last
            ? long.Parse(Path.GetFileNameWithoutExtension(last.Value), CultureInfo.InvariantCulture) + 1
            : 1;
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _files.Count;
            }
        }
    }

    public long DroppedChanges { get; private set; }

    public void Enqueue(IReadOnlyList<AlertmanagerAlert> change)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(change, Json);
        lock (_lock)
        {
            var name = _nextSequence.ToString("D16", CultureInfo.InvariantCulture) + Extension;
            _nextSequence++;
            var path = Path.Combine(_directory, name);
            DurableFile.Write(path, bytes);
            _files.AddLast(name);

            while (_files.Count > _maxEntries && _files.First is { } oldest)
            {
                File.Delete(Path.Combine(_directory, oldest.Value));
                _files.RemoveFirst();
                DroppedChanges++;
                _logger.LogWarning("Alertmanager queue {Directory} is full ({Max} changes): dropped the oldest change", _directory, _maxEntries);
            }
        }
    }

    /// <summary>The oldest changes, up to <paramref name="maxChanges"/>, in order; unreadable files are set aside.</summary>
    public IReadOnlyList<QueuedChange> Peek(int maxChanges)
    {
        var result = new List<QueuedChange>();
        lock (_lock)
        {
            var node = _files.First;
            while (node is not null && result.Count < maxChanges)
            {
                var next = node.Next;
                var path = Path.Combine(_directory, node.Value);
                try
                {
                    var alerts = JsonSerializer.Deserialize<List<AlertmanagerAlert>>(File.ReadAllBytes(path), Json) ?? [];
                    result.Add(new QueuedChange(node.Value, alerts));
                }
                catch (Exception ex) when (ex is JsonException or IOException)
                {
                    _logger.LogError(ex, "Unreadable Alertmanager queue file {Path} set aside", path);
                    File.Move(path, path + ".bad", overwrite: true);
                    _files.Remove(node);
                }
                node = next;
            }
        }
        return result;
    }

    public void Remove(IEnumerable<QueuedChange> delivered)
    {
        lock (_lock)
        {
            foreach (var change in delivered)
            {
                if (_files.Remove(change.FileName))
                {
                    File.Delete(Path.Combine(_directory, change.FileName));
                }
            }
        }
    }
}

/// <summary>One queued alert change: usually one alert, two when an escalation replaces a label set.</summary>
public sealed record QueuedChange(string FileName, IReadOnlyList<AlertmanagerAlert> Alerts);
