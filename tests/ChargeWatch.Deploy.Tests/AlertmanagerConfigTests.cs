using ChargeWatch.Testing;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ChargeWatch.Deploy.Tests;

/// <summary>
/// <c>deploy/alertmanager.yml</c>: valid for amtool (also with its commented email and WeChat
/// examples switched on), each team and severity reaches its receiver, the all-clear is sent,
/// and the inhibitions work in a real Alertmanager.
/// </summary>
public sealed partial class AlertmanagerConfigTests
{
    private const string ConfigPath = "deploy/alertmanager.yml";

    [Fact]
    public async Task CheckConfig_DeployedFile_Passes()
    {
        var (exitCode, output) = await AmtoolAsync("check-config", RepositoryRoot.File(ConfigPath));

        Assert.True(exitCode == 0, output);
        Assert.Contains("SUCCESS", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckConfig_EmailAndWeChatExamplesUncommented_Passes()
    {
        var uncommented = string.Join('\n', RepositoryRoot.ReadAllText(ConfigPath).Split('\n').Select(Uncomment));
        Assert.Contains("wechat_configs:", uncommented, StringComparison.Ordinal);
        Assert.Contains("email_configs:", uncommented, StringComparison.Ordinal);
        var path = Path.Combine(TempDirectory.Create("am-config"), "alertmanager.yml");
        await File.WriteAllTextAsync(path, uncommented, TestContext.Current.CancellationToken);

        var (exitCode, output) = await AmtoolAsync("check-config", path);

        Assert.True(exitCode == 0, output);
    }

    [Theory]
    [InlineData("smoke", "fire-safety", "critical", "fire-safety-urgent")]
    [InlineData("thermal.high", "fire-safety", "warning", "fire-safety")]
    [InlineData("overcurrent", "shed-operator", "critical", "shed-operator-urgent")]
    [InlineData("leakage", "shed-operator", "warning", "shed-operator")]
    [InlineData("flywire.corridor", "property", "critical", "property-urgent")]
    [InlineData("flywire.household", "property", "warning", "property")]
    [InlineData("offline", "maintenance", "warning", "maintenance")]
    [InlineData("something.new", "unassigned", "critical", "control-room")]
    public async Task RoutesTest_TeamAndSeverity_ReachTheirReceiver(string rule, string team, string severity, string receiver)
    {
        var (exitCode, output) = await AmtoolAsync(
            "config", "routes", "test", $"--config.file={RepositoryRoot.File(ConfigPath)}",
            $"alertname={rule}", $"team={team}", $"severity={severity}", "site=dongyuan-1", "shed=shed-a");

        Assert.True(exitCode == 0, output);
        Assert.Equal(receiver, output.Split('\n', StringSplitOptions.TrimEntries).First(line => line.Length > 0 && !line.StartsWith("Warning", StringComparison.Ordinal)));
    }

    [Fact]
    public void Receivers_Every_SendsResolved()
    {
        var receivers = YamlFile.Load(ConfigPath)["receivers"]!.AsArray();

        Assert.NotEmpty(receivers);
        foreach (var receiver in receivers)
        {
            var webhooks = receiver!["webhook_configs"]?.AsArray();
            Assert.True(webhooks is { Count: > 0 }, $"{receiver["name"]} has no webhook");
            Assert.All(webhooks, hook => Assert.Equal("true", hook!["send_resolved"]?.GetValue<string>()));
        }
    }

    [Fact]
    public void Route_TopLevel_GroupsBySiteAndShed()
    {
        var groupBy = YamlFile.Load(ConfigPath)["route"]!["group_by"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();

        Assert.Contains("site", groupBy);
        Assert.Contains("shed", groupBy);
    }

    [Fact]
    public async Task Inhibition_SmokeInShed_MutesThermalHighOfThatShedOnly()
    {
        await using var alertmanager = await AlertmanagerProcess.StartNewAsync(
            RepositoryRoot.ReadAllText(ConfigPath), TestContext.Current.CancellationToken);

        await PostAsync(alertmanager,
            Alert("smoke", "critical", "sensor", "shed-a-s1", shed: "shed-a"),
            Alert("thermal.high", "critical", "charger", "shed-a-c01", shed: "shed-a"),
            Alert("thermal.high", "critical", "charger", "shed-b-c01", shed: "shed-b"));

        var states = await StatesAsync(alertmanager, expected: 3);
        Assert.Equal("suppressed", states[("thermal.high", "shed-a-c01")]);
        Assert.Equal("active", states[("thermal.high", "shed-b-c01")]);
        Assert.Equal("active", states[("smoke", "shed-a-s1")]);
    }

    [Fact]
    public async Task Inhibition_OfflineDevice_MutesItsOtherAlertsOnly()
    {
        await using var alertmanager = await AlertmanagerProcess.StartNewAsync(
            RepositoryRoot.ReadAllText(ConfigPath), TestContext.Current.CancellationToken);

        await PostAsync(alertmanager,
            Alert("offline", "warning", "charger", "shed-a-c01", shed: "shed-a"),
            Alert("overcharge", "warning", "charger", "shed-a-c01", shed: "shed-a", port: "2"),
            Alert("overcharge", "warning", "charger", "shed-a-c02", shed: "shed-a", port: "2"));

        var states = await StatesAsync(alertmanager, expected: 3);
        Assert.Equal("active", states[("offline", "shed-a-c01")]);
        Assert.Equal("suppressed", states[("overcharge", "shed-a-c01")]);
        Assert.Equal("active", states[("overcharge", "shed-a-c02")]);
    }

    private static JsonObject Alert(string rule, string severity, string kind, string device, string shed, string? port = null)
    {
        var labels = new JsonObject
        {
            ["alertname"] = rule,
            ["severity"] = severity,
            ["site"] = "dongyuan-1",
            ["shed"] = shed,
            ["kind"] = kind,
            ["device"] = device,
            ["team"] = "fire-safety",
        };
        if (port is not null)
        {
            labels["port"] = port;
        }
        return new JsonObject
        {
            ["labels"] = labels,
            ["annotations"] = new JsonObject { ["summary"] = $"{rule} on {device}" },
            ["startsAt"] = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O"),
            ["endsAt"] = DateTimeOffset.UtcNow.AddMinutes(10).ToString("O"),
        };
    }

    private static async Task PostAsync(AlertmanagerProcess alertmanager, params JsonObject[] alerts)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsJsonAsync($"{alertmanager.Url}/api/v2/alerts", new JsonArray(alerts), TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    // Inhibition is evaluated when Alertmanager answers, so poll until every alert is known and settled.
    private static async Task<Dictionary<(string Rule, string Device), string>> StatesAsync(AlertmanagerProcess alertmanager, int expected) =>
        await Eventually.UntilAsync(
            async () =>
            {
                var alerts = await alertmanager.GetAlertsAsync(TestContext.Current.CancellationToken);
                return alerts.EnumerateArray().ToDictionary(
                    a => (a.GetProperty("labels").GetProperty("alertname").GetString()!, a.GetProperty("labels").GetProperty("device").GetString()!),
                    a => a.GetProperty("status").GetProperty("state").GetString()!);
            },
            states => states.Count == expected && states.ContainsValue("suppressed"),
            TimeSpan.FromSeconds(15),
            "alert states",
            cancellationToken: TestContext.Current.CancellationToken);

    private static string Uncomment(string line)
    {
        var match = CommentedYaml().Match(line);
        return match.Success ? match.Groups[1].Value + match.Groups[2].Value + match.Groups[3].Value : line;
    }

    // A commented YAML key or list item ("# smtp_from: …", "#   - to: …"); explanatory comments stay.
    [GeneratedRegex(@"^(\s*)# (\s*)((?:- )?[a-z_]+:.*)$")]
    private static partial Regex CommentedYaml();

    private static async Task<(int ExitCode, string Output)> AmtoolAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo(ServiceBinary.Find("amtool", "prometheus-alertmanager"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }
}
