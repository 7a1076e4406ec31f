using System.Collections;

namespace ChargeWatch.Core.Readings;

/// <summary>
/// A charger reading's ports. Every rule walks them for every message, and <c>foreach</c> over an
/// <see cref="IReadOnlyList{T}"/> boxes an enumerator each time; this struct's own enumerator
/// does not. The interface stays for LINQ and assertions, which may allocate.
/// </summary>
public readonly struct PortReadings(PortReading[] ports) : IReadOnlyList<PortReading>
{
    // default(PortReadings) has no array: it reads as no ports rather than throwing.
    private PortReading[] Ports => ports ?? [];

    public int Count => Ports.Length;

    public PortReading this[int index] => Ports[index];

    public ReadOnlySpan<PortReading> AsSpan() => Ports;

    public Enumerator GetEnumerator() => new(Ports);

    IEnumerator<PortReading> IEnumerable<PortReading>.GetEnumerator() => ((IEnumerable<PortReading>)Ports).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => Ports.GetEnumerator();

    /// <summary>Not a ref struct, so that <c>foreach</c> over ports also works in async methods.</summary>
    public struct Enumerator
    {
        private readonly PortReading[] _ports;
        private int _index;

        internal Enumerator(PortReading[] ports)
        {
            _ports = ports;
            _index = -1;
        }

        public readonly ref readonly PortReading Current => ref _ports[_index];

        public bool MoveNext() => ++_index < _ports.Length;
    }
}
