using System.Text;
using ChargeWatch.Worker.Storage;

namespace ChargeWatch.Worker.Tests.Storage;

/// <summary>
/// An InfluxDB stand-in for the writer's failure policy: answers each write with the status the
/// test sets (204 = accepted), and records what it accepted. The real-database paths are covered
/// by <see cref="InfluxWriteClientTests"/>.
/// </summary>
internal sealed class ScriptedInfluxClient : IInfluxWriteClient
{
    private readonly List<string> _accepted = [];

    public Func<string, int> Answer { get; set; } = _ => 204;

    public int Calls { get; private set; }

    public IReadOnlyList<string> Accepted
    {
        get
        {
            lock (_accepted)
            {
                return [.. _accepted];
            }
        }
    }

    public Task WriteAsync(ReadOnlyMemory<byte> utf8, CancellationToken ct)
    {
        var lineProtocol = Encoding.UTF8.GetString(utf8.Span);
        Calls++;
        var status = Answer(lineProtocol);
        if (status is 204 or 200)
        {
            lock (_accepted)
            {
                _accepted.Add(lineProtocol);
            }
            return Task.CompletedTask;
        }
        throw new InfluxWriteException(status, $"scripted {status}");
    }
}
