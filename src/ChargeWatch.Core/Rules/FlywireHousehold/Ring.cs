namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>
/// The newest few items, the oldest overwritten first: the detector's short memories of steps, runs
/// and switch-ons. Fixed size; no allocation after construction.
/// </summary>
internal sealed class Ring<T>(int capacity) where T : struct
{
    private readonly T[] _items = new T[capacity];
    private int _next;

    public int Count { get; private set; }

    public void Add(in T item)
    {
        _items[_next] = item;
        _next = (_next + 1) % _items.Length;
        Count = Math.Min(Count + 1, _items.Length);
    }

    public void Clear() => (_next, Count) = (0, 0);

    /// <summary>The <paramref name="age"/>-th newest item: 0 is the newest, <see cref="Count"/> − 1 the oldest kept.</summary>
    public ref readonly T Newest(int age) => ref _items[(_next - 1 - age + _items.Length) % _items.Length];
}
