namespace ChargeWatch.Worker.Pipeline;

/// <summary>Work the shards do after they start and before live data: ends with <see cref="ShardWork.EndOfHistory"/> on every shard.</summary>
public interface IWarmStart
{
    Task RunAsync(ShardSet shards, CancellationToken ct);
}
