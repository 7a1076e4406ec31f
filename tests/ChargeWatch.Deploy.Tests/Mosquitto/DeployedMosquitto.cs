using System.Diagnostics;
using System.Text.RegularExpressions;
using ChargeWatch.Testing;

namespace ChargeWatch.Deploy.Tests.Mosquitto;

/// <summary>
/// Real Mosquitto started with <c>deploy/mosquitto/mosquitto.conf</c>. Only what the container
/// provides differently is changed: the listener port (a free one), the persistence directory (a
/// temp one) and the user to run as (root would switch to the 'mosquitto' user).
/// </summary>
internal sealed partial class DeployedMosquitto : ServiceProcess
{
    public const string ConfigFile = "deploy/mosquitto/mosquitto.conf";

    public DeployedMosquitto() : base("mosquitto-deploy")
    {
        Port = FreePort.Next();
    }

    public int Port { get; }

    public string ConfigPath => Path.Combine(Directory, "mosquitto.conf");

    /// <summary>The deployed configuration with the container paths and port replaced.</summary>
    public static string Adapt(string config, int port, string persistence) =>
        PersistenceLocation().Replace(
            Listener().Replace(config, $"listener {port} 127.0.0.1"),
            $"persistence_location {persistence}/")
        + $"{Environment.NewLine}user {Environment.UserName}{Environment.NewLine}";

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var persistence = Path.Combine(Directory, "data");
        System.IO.Directory.CreateDirectory(persistence);
        var config = Adapt(RepositoryRoot.ReadAllText(ConfigFile), Port, persistence);
        await File.WriteAllTextAsync(ConfigPath, config, cancellationToken);
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

    [GeneratedRegex(@"(?m)^listener\s+1883\b.*$")]
    private static partial Regex Listener();

    [GeneratedRegex(@"(?m)^persistence_location\s+.*$")]
    private static partial Regex PersistenceLocation();
}
