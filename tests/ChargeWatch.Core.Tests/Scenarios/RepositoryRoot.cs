namespace ChargeWatch.Core.Tests.Scenarios;

/// <summary>The repository root, found from the test binary upwards (tests read docs and scenario folders in place).</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ChargeWatch.sln")))
            {
                return dir.FullName;
            }
        }
        // Artifacts may live outside the tree (CW_ARTIFACTS): fall back to the source location.
        var source = System.IO.Path.GetDirectoryName(ThisFile())!;
        return System.IO.Path.GetFullPath(System.IO.Path.Combine(source, "..", "..", ".."));
    }

    private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
}
