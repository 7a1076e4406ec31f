using System.Text;

namespace ChargeWatch.Worker.Alerting;

/// <summary>Builds one delivery target per configured Alertmanager, each with its queue under <c>{DataDirectory}/alertmanager/</c>.</summary>
public static class AlertmanagerTargets
{
    public static IReadOnlyList<AlertmanagerTarget> Create(
        AlertmanagerOptions options,
        string alertmanagerDirectory,
        HttpClient http,
        ActiveAlerts active,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger<AlertmanagerTarget>();
        return [.. options.Urls
            .Where(url => !string.IsNullOrWhiteSpace(url))
            .Select(url => new Uri(url.Trim()))
            .Select(url => new AlertmanagerTarget(
                url,
                new AlertmanagerQueue(Path.Combine(alertmanagerDirectory, QueueName(url)), options.MaxQueuedChanges, logger),
                new AlertmanagerClient(http, url, TimeSpan.FromSeconds(options.RequestTimeoutSeconds), time),
                active.Snapshot,
                options,
                time,
                logger))];
    }

    /// <summary>A directory name per Alertmanager that stays the same across restarts: its host, port and path.</summary>
    public static string QueueName(Uri url)
    {
        var name = new StringBuilder("queue-");
        foreach (var c in $"{url.Host}_{url.Port}{url.AbsolutePath.TrimEnd('/')}")
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_');
        }
        return name.ToString();
    }
}
