using System.Text.RegularExpressions;

namespace ChargeWatch.Deploy.Tests.Compose;

/// <summary>The Dockerfiles build projects and copy paths that exist, from the SDK image to a runtime image.</summary>
public sealed partial class DockerfileTests
{
    /// <summary>Dockerfile → the project it publishes and the image it runs on.</summary>
    private static readonly Dictionary<string, (string Project, string RuntimeImage)> Builds = new(StringComparer.Ordinal)
    {
        ["deploy/docker/worker.Dockerfile"] = ("src/ChargeWatch.Worker/ChargeWatch.Worker.csproj", "mcr.microsoft.com/dotnet/runtime:10.0"),
        ["deploy/docker/simulator.Dockerfile"] = ("simulator/ChargeWatch.Simulator/ChargeWatch.Simulator.csproj", "mcr.microsoft.com/dotnet/runtime:10.0"),
    };

    public static TheoryData<string> Dockerfiles() => [.. Builds.Keys];

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Dockerfile_Stages_BuildOnTheSdkAndRunOnTheRuntime(string dockerfile)
    {
        var (project, runtimeImage) = Builds[dockerfile];
        var images = From().Matches(RepositoryRoot.ReadAllText(dockerfile)).Select(m => m.Groups["image"].Value).ToList();
        // A project on the ASP.NET Core shared framework needs the aspnet image, not the plain runtime.
        if (RepositoryRoot.ReadAllText(project).Contains("Microsoft.AspNetCore.App", StringComparison.Ordinal))
        {
            runtimeImage = runtimeImage.Replace("/runtime:", "/aspnet:", StringComparison.Ordinal);
        }

        Assert.Equal(["mcr.microsoft.com/dotnet/sdk:10.0", runtimeImage], images);
        Assert.True(File.Exists(RepositoryRoot.File(project)));
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Dockerfile_CopiedPaths_ExistInTheRepository(string dockerfile)
    {
        var sources = Copy().Matches(RepositoryRoot.ReadAllText(dockerfile))
            .SelectMany(m => m.Groups["args"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(1))
            .ToList();

        Assert.NotEmpty(sources);
        Assert.All(sources, source =>
        {
            var path = RepositoryRoot.File(source.TrimEnd('/'));
            Assert.True(File.Exists(path) || Directory.Exists(path), $"{dockerfile} copies {source}, which does not exist");
        });
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Dockerfile_RestoresPublishesAndStartsTheProject(string dockerfile)
    {
        var project = Builds[dockerfile].Project;
        var text = RepositoryRoot.ReadAllText(dockerfile);
        var assembly = Path.GetFileNameWithoutExtension(project) + ".dll";

        Assert.Contains($"dotnet restore {project}", text, StringComparison.Ordinal);
        Assert.Contains($"dotnet publish {project} -c Release", text, StringComparison.Ordinal);
        Assert.Contains($"ENTRYPOINT [\"dotnet\", \"{assembly}\"]", text, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^USER app$", text);
        // Every project the published one references must be copied in before restore.
        foreach (Match reference in ProjectReference().Matches(RepositoryRoot.ReadAllText(project)))
        {
            var referenced = Path.GetRelativePath(RepositoryRoot.Path,
                Path.GetFullPath(Path.Combine(RepositoryRoot.File(Path.GetDirectoryName(project)!), reference.Groups["path"].Value.Replace('\\', '/'))));
            Assert.Contains($"COPY {referenced} ", text, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"(?m)^FROM\s+(?<image>\S+)")]
    private static partial Regex From();

    [GeneratedRegex(@"(?m)^COPY\s+(?!--from)(?<args>.+)$")]
    private static partial Regex Copy();

    [GeneratedRegex(@"ProjectReference\s+Include=""(?<path>[^""]+)""")]
    private static partial Regex ProjectReference();
}
