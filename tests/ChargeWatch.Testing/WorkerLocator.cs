using System.Diagnostics;
using System.Reflection;

namespace ChargeWatch.Testing;

/// <summary>
/// Finds the built worker (<c>ChargeWatch.Worker.dll</c>), building it when there is none or when it
/// was built from other sources than the tests (its copy of ChargeWatch.Core differs from theirs): a
/// partial build must not test yesterday's worker against today's detectors.
/// </summary>
public static class WorkerLocator
{
    /// <summary>Full path of a worker dll to run instead of the one found next to the artifacts.</summary>
    public const string OverrideVariable = "CW_WORKER_DLL";

    private const string DllName = "ChargeWatch.Worker.dll";
    private const string SharedDll = "ChargeWatch.Core.dll";
    private static readonly SemaphoreSlim BuildLock = new(1, 1);

    public static string RepositoryRoot { get; } =
        typeof(WorkerLocator).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "ChargeWatchRepositoryRoot").Value!;

    public static async Task<string> FindOrBuildAsync(CancellationToken cancellationToken = default)
    {
        if (TryFind() is { } found)
        {
            return found;
        }
        await BuildLock.WaitAsync(cancellationToken);
        try
        {
            if (TryFind() is { } builtMeanwhile)
            {
                return builtMeanwhile;
            }
            await BuildAsync(cancellationToken);
            return TryFind() ?? throw new FileNotFoundException(
                $"{DllName} not found after building src/ChargeWatch.Worker; looked in: {string.Join(", ", Candidates())}");
        }
        finally
        {
            BuildLock.Release();
        }
    }

    public static string? TryFind()
    {
        if (Environment.GetEnvironmentVariable(OverrideVariable) is { Length: > 0 } explicitPath)
        {
            return File.Exists(explicitPath) ? explicitPath : throw new FileNotFoundException($"{OverrideVariable}={explicitPath} does not exist.");
        }
        return Candidates().FirstOrDefault(candidate => File.Exists(candidate) && BuiltFromTheseSources(candidate));
    }

    /// <summary>The worker's ChargeWatch.Core.dll is byte for byte the one the tests were built with.</summary>
    private static bool BuiltFromTheseSources(string workerDll)
    {
        var ours = Path.Combine(AppContext.BaseDirectory, SharedDll);
        var theirs = Path.Combine(Path.GetDirectoryName(workerDll)!, SharedDll);
        return !File.Exists(ours) || (File.Exists(theirs) && File.ReadAllBytes(ours).AsSpan().SequenceEqual(File.ReadAllBytes(theirs)));
    }

    /// <summary>
    /// With artifacts output, a test assembly runs from <c>{artifacts}/bin/{Project}/{pivot}/</c>; the
    /// worker sits in <c>{artifacts}/bin/ChargeWatch.Worker/{pivot}/</c>.
    /// </summary>
    private static IEnumerable<string> Candidates()
    {
        var baseDirectory = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var pivot = baseDirectory.Name;
        for (var directory = baseDirectory; directory is not null; directory = directory.Parent)
        {
            if (directory.Name == "bin")
            {
                foreach (var configuration in new[] { pivot, "debug", "release" }.Distinct())
                {
                    yield return Path.Combine(directory.FullName, "ChargeWatch.Worker", configuration, DllName);
                }
                yield break;
            }
        }
        yield return Path.Combine(baseDirectory.FullName, DllName);
    }

    private static async Task BuildAsync(CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add("build");
        info.ArgumentList.Add(Path.Combine(RepositoryRoot, "src", "ChargeWatch.Worker"));
        info.ArgumentList.Add("--nologo");
        // The configuration the tests run in, so the worker lands where they look first.
        var pivot = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
        if (pivot is "debug" or "release")
        {
            info.ArgumentList.Add("--configuration");
            info.ArgumentList.Add(pivot == "release" ? "Release" : "Debug");
        }
        using var build = Process.Start(info)!;
        var output = build.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = build.StandardError.ReadToEndAsync(cancellationToken);
        await build.WaitForExitAsync(cancellationToken);
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet build src/ChargeWatch.Worker failed:\n{await output}\n{await errors}");
        }
    }
}
