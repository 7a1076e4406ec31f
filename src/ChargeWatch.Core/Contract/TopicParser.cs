namespace ChargeWatch.Core.Contract;

/// <summary>
/// Parses device topics of contract §1. Results are cached per topic string so the hot path
/// allocates the site and device strings once per device, not once per message.
/// Not thread-safe: one instance per consuming thread.
/// </summary>
public sealed class TopicParser(int cacheCapacity = 200_000)
{
    private readonly Dictionary<string, TopicAddress> _cache = new(StringComparer.Ordinal);

    public bool TryParse(string topic, out TopicAddress address)
    {
        if (_cache.TryGetValue(topic, out address))
        {
            return true;
        }

        if (!TryParseUncached(topic, out address))
        {
            return false;
        }

        if (_cache.Count >= cacheCapacity)
        {
            _cache.Clear();
        }
        _cache[topic] = address;
        return true;
    }

    public static bool TryParseUncached(string topic, out TopicAddress address)
    {
        address = default;
        var rest = topic.AsSpan();
        if (!TakeLevel(ref rest, out var root) || !root.SequenceEqual(Topics.Root)
            || !TakeLevel(ref rest, out var site) || !TakeLevel(ref rest, out var kindName)
            || !TakeLevel(ref rest, out var device) || !TakeLevel(ref rest, out var channelName)
            || rest.Length != 0)
        {
            return false;
        }

        if (!IsSiteName(site) || !IsDeviceId(device) || !DeviceKindNames.TryParse(kindName, out var kind))
        {
            return false;
        }

        Channel channel;
        switch (channelName)
        {
            case "telemetry": channel = Channel.Telemetry; break;
            case "status": channel = Channel.Status; break;
            case "cmd": channel = Channel.Command; break;
            default: return false;
        }

        address = new TopicAddress(new DeviceKey(site.ToString(), kind, device.ToString()), channel);
        return true;
    }

    /// <summary><c>[a-z0-9_-]{1,64}</c></summary>
    public static bool IsSiteName(ReadOnlySpan<char> site)
    {
        if (site.Length is < 1 or > 64)
        {
            return false;
        }
        foreach (var c in site)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-'))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary><c>[A-Za-z0-9_.-]{1,64}</c></summary>
    public static bool IsDeviceId(ReadOnlySpan<char> device)
    {
        if (device.Length is < 1 or > 64)
        {
            return false;
        }
        foreach (var c in device)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-'))
            {
                return false;
            }
        }
        return true;
    }

    // Takes the next '/'-separated level; a level is never empty.
    private static bool TakeLevel(ref ReadOnlySpan<char> rest, out ReadOnlySpan<char> level)
    {
        if (rest.Length == 0)
        {
            level = default;
            return false;
        }
        var slash = rest.IndexOf('/');
        if (slash < 0)
        {
            level = rest;
            rest = default;
        }
        else
        {
            level = rest[..slash];
            rest = rest[(slash + 1)..];
            if (rest.Length == 0)
            {
                return false;
            }
        }
        return level.Length > 0;
    }
}
