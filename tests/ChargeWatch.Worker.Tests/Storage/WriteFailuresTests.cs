using ChargeWatch.Worker.Storage;

namespace ChargeWatch.Worker.Tests.Storage;

public sealed class WriteFailuresTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public void Classify_NoAnswerThrottlingOrServerError_IsTransient(int status) =>
        Assert.Equal(WriteFailureKind.Transient, WriteFailures.Classify(status));

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(413)]
    [InlineData(422)]
    public void Classify_ClientError_IsPoison(int status) =>
        Assert.Equal(WriteFailureKind.Poison, WriteFailures.Classify(status));
}
