using System.Buffers;
using System.Text;
using ChargeWatch.Core.Parsing;

namespace ChargeWatch.Core.Tests.Parsing;

public class StatusParserTests
{
    [Theory]
    [InlineData("online", true)]
    [InlineData("offline", false)]
    [InlineData("offline\n", false)]
    public void TryParse_ContractValues_Accepted(string payload, bool online)
    {
        Assert.True(StatusParser.TryParse(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(payload)), out var parsed, out _));
        Assert.Equal(online, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ONLINE")]
    [InlineData("{\"status\":\"online\"}")]
    [InlineData("a very long status payload that is not a status")]
    public void TryParse_AnythingElse_IsInvalidStatus(string payload)
    {
        Assert.False(StatusParser.TryParse(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(payload)), out _, out var error));
        Assert.Equal(RejectReason.InvalidStatus, error.Reason);
    }
}
