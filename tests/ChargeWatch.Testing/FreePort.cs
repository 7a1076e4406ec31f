using System.Net;
using System.Net.Sockets;

namespace ChargeWatch.Testing;

/// <summary>Finds TCP ports on the loopback interface that nothing listens on.</summary>
public static class FreePort
{
    private static readonly HashSet<int> Handed = [];
    private static readonly Lock HandedLock = new();

    /// <summary>
    /// A port the OS reports free now. The OS may hand the same ephemeral port out again shortly
    /// after, so ports handed out by this process are remembered and never returned twice.
    /// </summary>
    public static int Next()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            lock (HandedLock)
            {
                if (Handed.Add(port))
                {
                    return port;
                }
            }
        }
        throw new InvalidOperationException("No free loopback port found after 100 attempts.");
    }

    /// <summary>True when something accepts TCP connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public static async Task<bool> IsListeningAsync(int port, CancellationToken cancellationToken = default)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
