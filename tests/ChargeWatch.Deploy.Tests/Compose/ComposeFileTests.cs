using System.Text.RegularExpressions;

namespace ChargeWatch.Deploy.Tests.Compose;

/// <summary>What can be proven of the compose stack without a Docker engine.</summary>
public sealed partial class ComposeFileTests
{
    private static readonly string[] ExpectedServices = ["mosquitto", "influxdb", "alertmanager", "grafana", "worker", "simulator"];

    /// <summary>Services that run and exit (the simulator plays one scenario); all others must report health.</summary>
    private static readonly string[] OneShotServices = ["simulator"];

    [Fact]
    public void Compose_File_ParsesWithEveryServiceOfTheStack()
    {
        var compose = ComposeFile.Load();

        Assert.Equal(ExpectedServices.Order(StringComparer.Ordinal), compose.Services.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Compose_BindMounts_PointAtFilesOfTheRepository()
    {
        var mounts = ComposeFile.Load().Services.Values.SelectMany(s => s.Mounts.Select(m => (Service: s.Name, Mount: m)))
            .Where(x => x.Mount.IsBind).ToList();

        Assert.NotEmpty(mounts);
        Assert.All(mounts, x =>
        {
            Assert.StartsWith("./", x.Mount.Source, StringComparison.Ordinal);
            var path = RepositoryRoot.File(x.Mount.Source[2..]);
            Assert.True(File.Exists(path) || Directory.Exists(path), $"{x.Service} mounts {x.Mount.Source}, which does not exist");
            Assert.True(x.Mount.ReadOnly, $"{x.Service} mounts {x.Mount.Source} writable: configuration is mounted read-only");
        });
    }

    [Fact]
    public void Compose_NamedVolumes_AreDeclaredAndUsed()
    {
        var compose = ComposeFile.Load();
        var used = compose.Services.Values.SelectMany(s => s.Mounts).Where(m => !m.IsBind).Select(m => m.Source).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(compose.Volumes.Order(StringComparer.Ordinal), used.Order(StringComparer.Ordinal));
        // Every stateful service keeps its state in a named volume.
        foreach (var service in new[] { "mosquitto", "influxdb", "grafana", "alertmanager", "worker" })
        {
            Assert.Contains(compose.Service(service).Mounts, m => !m.IsBind);
        }
    }

    [Fact]
    public void Compose_PublishedPorts_BindToLocalhostOnly()
    {
        var ports = ComposeFile.Load().Services.Values.SelectMany(s => s.Ports.Select(p => (Service: s.Name, Port: p))).ToList();

        Assert.NotEmpty(ports);
        Assert.All(ports, x => Assert.True(x.Port.StartsWith("127.0.0.1:", StringComparison.Ordinal), $"{x.Service} publishes {x.Port} beyond localhost"));
        Assert.Contains(ports, x => x.Service == "grafana" && x.Port.EndsWith(":3000", StringComparison.Ordinal));
    }

    [Fact]
    public void Compose_StartOrder_WaitsForHealthyServicesWithHealthchecks()
    {
        var compose = ComposeFile.Load();

        foreach (var service in compose.Services.Values)
        {
            Assert.True(service.HasHealthcheck || OneShotServices.Contains(service.Name), $"{service.Name} has no healthcheck");
            foreach (var (dependency, condition) in service.DependsOn)
            {
                Assert.Equal("service_healthy", condition);
                Assert.True(compose.Service(dependency).HasHealthcheck, $"{service.Name} waits for {dependency}, which reports no health");
            }
        }
        Assert.Equal(["alertmanager", "influxdb", "mosquitto"], compose.Service("worker").DependsOn.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("worker", compose.Service("simulator").DependsOn.Keys);
        Assert.Contains("influxdb", compose.Service("grafana").DependsOn.Keys);
    }

    [Fact]
    public void Compose_WorkerEnvironment_NamesOnlyKeysTheWorkerBinds()
    {
        var sections = SourceSettings.WorkerSections();
        var environment = ComposeFile.Load().Service("worker").Environment;

        Assert.NotEmpty(environment);
        Assert.All(environment.Keys, name =>
            Assert.True(SourceSettings.WorkerReads(name, sections), $"the worker binds no setting for {name}"));
    }

    [Fact]
    public void Compose_WorkerEnvironment_PointsAtTheStacksServices()
    {
        var compose = ComposeFile.Load();
        var worker = compose.Service("worker").Environment;
        var influx = compose.Service("influxdb").Environment;

        Assert.Equal("mosquitto", worker["ChargeWatch__Mqtt__Host"]);
        Assert.Equal("http://influxdb:8086", worker["ChargeWatch__Influx__Url"]);
        Assert.Equal("v2", worker["ChargeWatch__Influx__Api"]);
        Assert.Equal(influx["DOCKER_INFLUXDB_INIT_BUCKET"], worker["ChargeWatch__Influx__Bucket"]);
        Assert.Equal(influx["DOCKER_INFLUXDB_INIT_ORG"], worker["ChargeWatch__Influx__Org"]);
        Assert.Equal(influx["DOCKER_INFLUXDB_INIT_ADMIN_TOKEN"], worker["ChargeWatch__Influx__Token"]);
        Assert.Equal(influx["DOCKER_INFLUXDB_INIT_ADMIN_TOKEN"], compose.Service("grafana").Environment["CHARGEWATCH_INFLUX_TOKEN"]);
        Assert.Equal(influx["DOCKER_INFLUXDB_INIT_BUCKET"], compose.Service("grafana").Environment["CHARGEWATCH_INFLUX_DATABASE"]);
        Assert.Equal("http://alertmanager:9093", worker["ChargeWatch__Alertmanager__Urls__0"]);
        Assert.Contains(compose.Service("worker").Mounts, m => m.Target == worker["ChargeWatch__DataDirectory"] && !m.IsBind);
    }

    [Fact]
    public void Compose_SimulatorCommand_UsesVerbAndOptionsTheSimulatorDefines()
    {
        var command = ComposeFile.Load().Service("simulator").Command;

        Assert.Equal("run", command[0]);
        Assert.Contains(command[0], SimulatorCli.Verbs());
        var options = SimulatorCli.Options();
        Assert.All(command.Where(a => a.StartsWith('-')), option => Assert.Contains(option, options));
        // The scenario path is relative to the image's working directory, where simulator/scenarios/ is copied.
        Assert.Equal("scenarios/demo.yaml", command[1]);
        Assert.True(File.Exists(RepositoryRoot.File("simulator/" + command[1])), "simulator/scenarios/demo.yaml does not exist");
    }

    [Fact]
    public void Compose_Builds_UseDockerfilesOfTheRepository()
    {
        var compose = ComposeFile.Load();

        foreach (var (service, dockerfile) in new[] { ("worker", "deploy/docker/worker.Dockerfile"), ("simulator", "deploy/docker/simulator.Dockerfile") })
        {
            Assert.Equal(".", compose.Service(service).BuildContext);
            Assert.Equal(dockerfile, compose.Service(service).Dockerfile);
            Assert.True(File.Exists(RepositoryRoot.File(dockerfile)));
        }
    }

    [Fact]
    public void Compose_EveryInterpolatedVariable_HasADefault()
    {
        var text = RepositoryRoot.ReadAllText(ComposeFile.Path);

        // `docker compose up` must work with no environment at all; `$$` is a literal dollar.
        foreach (Match reference in Interpolation().Matches(text))
        {
            Assert.True(reference.Groups["default"].Success, $"{reference.Value} has no default");
        }
        Assert.DoesNotMatch(@"(?<!\$)\$[A-Za-z_]", text);
    }

    [Fact]
    public void Compose_GrafanaAdminPassword_ComesFromTheEnvironment()
    {
        var grafana = ComposeFile.Load().Service("grafana").Environment;

        Assert.Matches(@"^\$\{GRAFANA_ADMIN_PASSWORD:-[^}]+\}$", grafana["GF_SECURITY_ADMIN_PASSWORD"]);
    }

    [Fact]
    public void Compose_InfluxDbInit_CreatesTheDbrpMappingForInfluxQl()
    {
        var influx = ComposeFile.Load().Service("influxdb");
        var init = Assert.Single(influx.Mounts, m => m.Target == "/docker-entrypoint-initdb.d");
        var scripts = Directory.GetFiles(RepositoryRoot.File(init.Source[2..]), "*.sh");

        Assert.Equal("setup", influx.Environment["DOCKER_INFLUXDB_INIT_MODE"]);
        var script = File.ReadAllText(Assert.Single(scripts));
        Assert.Contains("influx v1 dbrp create", script, StringComparison.Ordinal);
        Assert.Contains("--rp autogen", script, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.True((File.GetUnixFileMode(scripts[0]) & UnixFileMode.UserExecute) != 0, "the init script must be executable");
        }
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?<default>:-[^}]*)?\}")]
    private static partial Regex Interpolation();
}
