using System.Text;
using System.Text.Json;
using ChargeWatch.Core.Alerts;

namespace ChargeWatch.Core.Tests.Scenarios;

/// <summary>
/// Golden scenarios as data: each folder under <c>Scenarios/</c> holds <c>input.jsonl</c> (topic +
/// payload lines, as devices publish them) and <c>expected.jsonl</c> (the contract §6 alert
/// messages, in order). A regression is a new folder, no new code. To write a new case's expected
/// file, run once with <c>CW_WRITE_GOLDEN=1</c> and review it line by line before committing.
/// </summary>
public class GoldenScenarioTests
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, "tests", "ChargeWatch.Core.Tests", "Scenarios");

    public static TheoryData<string> Cases() =>
        [.. Directory.GetDirectories(Folder).Where(d => File.Exists(Path.Combine(d, "input.jsonl"))).Select(d => Path.GetFileName(d)!).Order()];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Scenario_Replayed_GivesExpectedAlerts(string name)
    {
        var input = ScenarioMessage.ReadAll(Path.Combine(Folder, name, "input.jsonl"));
        var expectedPath = Path.Combine(Folder, name, "expected.jsonl");

        var actual = ScenarioRunner.Run(input).Select(ToLine).ToList();
        var normalized = actual.Select(Normalize).ToList();

        if (Environment.GetEnvironmentVariable("CW_WRITE_GOLDEN") == "1")
        {
            File.WriteAllLines(expectedPath, actual);
        }
        var expected = File.ReadAllLines(expectedPath).Where(l => !string.IsNullOrWhiteSpace(l)).Select(Normalize).ToList();
        Assert.Equal(expected, normalized);
    }

    [Fact]
    public void Cases_AtLeastFiveScenarios_AreFound()
    {
        Assert.True(Cases().Count >= 5, $"scenario folders under {Folder}");
    }

    private static string ToLine(AlertMessage alert) => Encoding.UTF8.GetString(AlertJson.ToUtf8(alert));

    private static string Normalize(string line)
    {
        using var json = JsonDocument.Parse(line);
        return JsonSerializer.Serialize(json.RootElement);
    }
}
