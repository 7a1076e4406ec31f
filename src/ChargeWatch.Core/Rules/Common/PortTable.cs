namespace ChargeWatch.Core.Rules.Common;

/// <summary>Per-port state of one charger, indexed by port number (1..64), grown on demand.</summary>
public sealed class PortTable<T> where T : struct
{
    private T[] _ports = new T[4];

    public ref T this[int port]
    {
        get
        {
            if (port >= _ports.Length)
            {
                Array.Resize(ref _ports, Math.Max(port + 1, _ports.Length * 2));
            }
            return ref _ports[port];
        }
    }
}
