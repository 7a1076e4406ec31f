namespace ChargeWatch.Testing;

/// <summary>Temporary directories of the harness, all under one root so stray ones are easy to find.</summary>
public static class TempDirectory
{
    /// <summary>Set to 1 to keep service directories (configs, data, logs) after dispose for a post-mortem.</summary>
    public const string KeepVariable = "CW_KEEP_SERVICE_DIRS";

    public static string Root { get; } = Path.Combine(Path.GetTempPath(), "chargewatch-tests");

    public static string Create(string prefix)
    {
        System.IO.Directory.CreateDirectory(Root);
        var path = Path.Combine(Root, $"{prefix}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
        System.IO.Directory.CreateDirectory(path);
        return path;
    }

    public static bool KeepRequested => Environment.GetEnvironmentVariable(KeepVariable) == "1";

    public static void DeleteQuietly(string path)
    {
        if (KeepRequested)
        {
            return;
        }
        try
        {
            System.IO.Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying child; the OS temp cleaner will take it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
