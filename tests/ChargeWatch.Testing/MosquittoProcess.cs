using System.Diagnostics;

namespace ChargeWatch.Testing;

/// <summary>
/// Real Mosquitto 2 on 127.0.0.1 with anonymous access and on-disk persistence in its directory, so
/// persistent sessions and their queued QoS 1 messages survive <see cref="ServiceProcess.StopAsync"/>
/// followed by <see cref="ServiceProcess.StartAsync"/> on the same port.
/// </summary>
public sealed class MosquittoProcess : ServiceProcess
{
    public MosquittoProcess(int? port = null, string? directory = null) : base("mosquitto", directory)
    {
        Port = port ?? FreePort.Next();
    }

    public int Port { get; }

    public string Host { get; } = "127.0.0.1";

    /// <summary>Extra mosquitto.conf lines, appended after the harness's own.</summary>
    public IList<string> ExtraConfigLines { get; } = [];

    /// <summary>
    /// Mosquitto's default of 1,000 queued messages per offline client would drop telemetry while the
    /// worker restarts; tests must see everything, so the queue is effectively unbounded by default.
    /// </summary>
    public int MaxQueuedMessages { get; set; } = 1_000_000;

    public string ConfigPath => Path.Combine(Directory, "mosquitto.conf");

    public static async Task<MosquittoProcess> StartNewAsync(CancellationToken cancellationToken = default)
    {
        var broker = new MosquittoProcess();
        try
        {
            await broker.StartAsync(cancellationToken);
            return broker;
        }
        catch
        {
            await broker.DisposeAsync();
            throw;
        }
    }

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var persistence = Path.Combine(Directory, "persistence");
        System.IO.Directory.CreateDirectory(persistence);
        string[] lines =
        [
            $"listener {Port} {Host}",
            "allow_anonymous true",
            "persistence true",
            $"persistence_location {persistence}/",
            "autosave_interval 1",
            $"max_queued_messages {MaxQueuedMessages}",
            "max_queued_bytes 0",
            "log_dest stdout",
            "log_type error",
            "log_type warning",
            "log_type notice",
            "log_type information",
            "connection_messages true",
            "log_timestamp_format %Y-%m-%dT%H:%M:%S",
            // Run as root, mosquitto would switch to the 'mosquitto' user and lose access to our directory.
            $"user {Environment.UserName}",
            .. ExtraConfigLines,
        ];
        await File.WriteAllLinesAsync(ConfigPath, lines, cancellationToken);
    }

    protected override ProcessStartInfo CreateStartInfo()
    {
        var info = new ProcessStartInfo(ServiceBinary.Find("mosquitto", "mosquitto"));
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(ConfigPath);
        return info;
    }

    protected override async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        while (!await FreePort.IsListeningAsync(Port, cancellationToken))
        {
            await Task.Delay(20, cancellationToken);
        }
    }
}
