using System.Text;
using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Tests.Scenarios;
using CsCheck;

namespace ChargeWatch.Core.Tests.Properties;

/// <summary>
/// The alerts of a stream do not depend on how it is delivered: shard count, duplicates (QoS 1
/// redelivery) and late copies, or the batches the worker hands over. Pacing needs no property
/// here: Core cannot read a clock (banned symbols), so only event time reaches the rules.
/// </summary>
public class ReplayInvarianceTests
{
    [Fact]
    public void Alerts_AnyShardCount_AreTheSame()
    {
        Gen.Select(RandomStreams.Stream, Gen.Int[2, 7]).Sample((stream, shards) =>
        {
            var one = Canonical(ScenarioRunner.Run(stream, shards: 1));
            var many = Canonical(ScenarioRunner.Run(stream, shards));
            Assert.Equal(one, many);
        }, iter: 150);
    }

    [Fact]
    public void Alerts_DuplicatesAndLateCopiesInserted_AreTheSame()
    {
        Gen.Select(RandomStreams.Stream, Gen.Int[0, 1000].Array[5, 60], Gen.Int[0, 6]).Sample((stream, picks, delay) =>
        {
            var redelivered = new List<ScenarioMessage>(stream);
            // From the back, so that each insertion leaves the positions of earlier originals as they are.
            foreach (var original in picks.Select(p => p % stream.Count).Order().Reverse())
            {
                // A copy right after its original is a redelivery; a few messages later it is late too.
                var at = Math.Min(redelivered.Count, original + 1 + delay);
                if (stream[original].Reading is not null)
                {
                    redelivered.Insert(at, stream[original]);
                }
            }

            Assert.Equal(Lines(ScenarioRunner.Run(stream)), Lines(ScenarioRunner.Run(redelivered)));
        }, iter: 150);
    }

    [Fact]
    public void Alerts_RandomStreams_ExerciseTheRules()
    {
        // Guards the two properties above against passing on streams that raise nothing.
        var rules = new HashSet<string>();
        RandomStreams.Stream.Sample(stream =>
        {
            var raised = ScenarioRunner.Run(stream);
            // Sample runs on several threads at once.
            lock (rules)
            {
                rules.UnionWith(raised.Select(alert => alert.Rule));
            }
        }, iter: 50);

        Assert.Superset(new HashSet<string> { "overcurrent", "overcurrent.instant", "thermal.high", "thermal.rise", "smoke", "leakage", "offline" }, rules);
    }

    private static List<string> Lines(List<AlertMessage> alerts) =>
        [.. alerts.Select(a => Encoding.UTF8.GetString(AlertJson.ToUtf8(a)))];

    // Shards interleave their outputs differently; per alert id the sequence must be identical.
    private static List<string> Canonical(List<AlertMessage> alerts) =>
        [.. alerts.Select((a, i) => (a, i)).OrderBy(x => x.a.Id, StringComparer.Ordinal).ThenBy(x => x.i)
            .Select(x => Encoding.UTF8.GetString(AlertJson.ToUtf8(x.a)))];
}
