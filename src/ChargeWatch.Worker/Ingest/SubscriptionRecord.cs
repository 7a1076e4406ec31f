using System.Text;
using ChargeWatch.Worker.Configuration;
using ChargeWatch.Worker.Storage;
using Microsoft.Extensions.Options;

namespace ChargeWatch.Worker.Ingest;

/// <summary>
/// The topic filters this worker's persistent session was last subscribed to
/// (<c>{DataDirectory}/mqtt/subscriptions</c>, one a line). The broker keeps a session's
/// subscriptions across restarts, so a worker whose <c>Mqtt:Sites</c> or <c>Mqtt:SharedGroup</c>
/// changed would otherwise go on receiving what it subscribed to before: it unsubscribes from the
/// filters recorded here that it no longer wants.
/// </summary>
public sealed class SubscriptionRecord(IOptions<WorkerOptions> worker)
{
    private readonly string _path = Path.Combine(worker.Value.DataDirectory, "mqtt", "subscriptions");

    /// <summary>
    /// The filters last recorded; null when none were (a new data directory, one from before the
    /// record) or the record cannot be read: bookkeeping never keeps the worker from its broker.
    /// </summary>
    public IReadOnlyList<string>? Previous(ILogger logger)
    {
        try
        {
            return File.Exists(_path) ? File.ReadAllLines(_path).Where(line => line.Length > 0).ToList() : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Cannot read {Path}: the session's earlier subscriptions are not known", _path);
            return null;
        }
    }

    public void Save(IReadOnlyCollection<string> filters, ILogger logger)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            DurableFile.Write(_path, Encoding.UTF8.GetBytes(string.Concat(filters.Select(filter => filter + "\n"))));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Cannot write {Path}: a later change of Mqtt:Sites will not know these subscriptions", _path);
        }
    }
}
