namespace ChargeWatch.Testing;

/// <summary>Locates the executables of the Debian packages the harness runs.</summary>
public static class ServiceBinary
{
    // sbin is not on a normal user's PATH, yet Debian installs mosquitto there.
    private static readonly string[] ExtraDirectories = ["/usr/local/sbin", "/usr/sbin", "/sbin"];

    /// <summary>Full path of <paramref name="name"/>; throws naming the package to install when absent.</summary>
    public static string Find(string name, string debianPackage)
    {
        var path = TryFind(name);
        return path ?? throw new ServiceBinaryNotFoundException(name, debianPackage);
    }

    public static string? TryFind(string name)
    {
        var pathDirectories = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return pathDirectories.Concat(ExtraDirectories)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
    }
}

/// <summary>A service binary is not installed: a test failure, never a skip.</summary>
public sealed class ServiceBinaryNotFoundException(string binary, string debianPackage)
    : Exception($"{binary} not found: apt-get install {debianPackage}")
{
    public string Binary { get; } = binary;

    public string DebianPackage { get; } = debianPackage;
}
