using System.Reflection;

namespace ChargeWatch.Deploy.Tests;

/// <summary>The repository these tests check; build output lives elsewhere (CW_ARTIFACTS), so the path is baked in at build time.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = typeof(RepositoryRoot).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static string File(string relative) => System.IO.Path.Combine(Path, relative);

    public static string ReadAllText(string relative) => System.IO.File.ReadAllText(File(relative));
}
