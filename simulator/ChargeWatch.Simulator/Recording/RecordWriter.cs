using System.IO.Compression;
using System.Text.Json;
using ChargeWatch.Simulator.Simulation;

namespace ChargeWatch.Simulator.Recording;

/// <summary>Appends <see cref="RecordLine"/>s to a JSONL file, gzip-compressed when the name ends in <c>.gz</c>.</summary>
public sealed class RecordWriter : IAsyncDisposable
{
    private readonly Stream _file;
    private readonly Stream _stream;
    private readonly StreamWriter _writer;
    private readonly Lock _lock = new();
    private long _lastFlush = Environment.TickCount64;

    private RecordWriter(string path)
    {
        _file = File.Create(path);
        _stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(_file, CompressionLevel.Fastest) : _file;
        _writer = new StreamWriter(_stream) { NewLine = "\n" };
    }

    public long Count { get; private set; }

    public static RecordWriter Create(string path) => new(path);

    public void Write(RecordLine line)
    {
        lock (_lock)
        {
            _writer.WriteLine(JsonSerializer.Serialize(line, RecordLine.JsonOptions));
            Count++;
            // A recording killed without warning keeps all but its last second.
            var now = Environment.TickCount64;
            if (now - _lastFlush >= 1000)
            {
                _writer.Flush();
                _stream.Flush();
                _lastFlush = now;
            }
        }
    }

    /// <summary>A simulated message, recorded with its event time as its arrival.</summary>
    public void Write(DateTimeOffset arrival, SimMessage message) =>
        Write(RecordLine.Create(arrival, message.EventTime, message.Topic, message.Payload, message.Retain));

    public async ValueTask DisposeAsync()
    {
        await _writer.FlushAsync();
        await _writer.DisposeAsync();
        if (!ReferenceEquals(_stream, _file))
        {
            await _stream.DisposeAsync();
        }
        await _file.DisposeAsync();
    }
}
