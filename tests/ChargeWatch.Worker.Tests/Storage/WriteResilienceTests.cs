using ChargeWatch.Worker.Configuration;
using ChargeWatch.Worker.Storage;
using Polly.CircuitBreaker;

namespace ChargeWatch.Worker.Tests.Storage;

public sealed class WriteResilienceTests
{
    private static Polly.ResiliencePipeline Pipeline(int retries) =>
        WriteResilience.Create(new InfluxOptions { MaxRetries = retries }, TimeProvider.System, baseDelay: TimeSpan.FromMilliseconds(1), breakDuration: TimeSpan.FromSeconds(30));

    [Theory]
    [InlineData(0)]
    [InlineData(429)]
    [InlineData(503)]
    public async Task Execute_TransientFailure_RetriedThenThrown(int status)
    {
        var calls = 0;
        var pipeline = Pipeline(retries: 2);
        var error = await Assert.ThrowsAsync<InfluxWriteException>(async () =>
            await pipeline.ExecuteAsync(_ => { calls++; throw new InfluxWriteException(status, "down"); }, TestContext.Current.CancellationToken));
        Assert.Equal(3, calls);
        Assert.True(WriteResilience.ShouldSpool(error));
    }

    [Fact]
    public async Task Execute_TransientThenSuccess_Succeeds()
    {
        var calls = 0;
        await Pipeline(retries: 3).ExecuteAsync(_ =>
        {
            if (++calls < 3)
            {
                throw new InfluxWriteException(500, "flaky");
            }
            return ValueTask.CompletedTask;
        }, TestContext.Current.CancellationToken);
        Assert.Equal(3, calls);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    public async Task Execute_PoisonFailure_NotRetried(int status)
    {
        var calls = 0;
        var error = await Assert.ThrowsAsync<InfluxWriteException>(async () =>
            await Pipeline(retries: 3).ExecuteAsync(_ => { calls++; throw new InfluxWriteException(status, "bad line"); }, TestContext.Current.CancellationToken));
        Assert.Equal(1, calls);
        Assert.False(WriteResilience.ShouldSpool(error));
    }

    [Fact]
    public async Task Execute_AfterRepeatedTransientFailures_CircuitOpensAndFailsFast()
    {
        var calls = 0;
        var pipeline = Pipeline(retries: 1);
        for (var i = 0; i < 6; i++)
        {
            try
            {
                await pipeline.ExecuteAsync(_ => { calls++; throw new InfluxWriteException(0, "refused"); }, TestContext.Current.CancellationToken);
            }
            catch (Exception e) when (WriteResilience.ShouldSpool(e))
            {
            }
        }
        var callsBefore = calls;
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
            await pipeline.ExecuteAsync(_ => { calls++; return ValueTask.CompletedTask; }, TestContext.Current.CancellationToken));
        Assert.IsType<BrokenCircuitException>(error, exactMatch: false);
        Assert.Equal(callsBefore, calls);
        Assert.True(WriteResilience.ShouldSpool(error));
    }
}
