using System.Text;
using ChargeWatch.Core.Parsing;

namespace ChargeWatch.Core.Tests.Parsing;

public class PayloadFieldNamesTests
{
    [Fact]
    public void Identify_EachContractName_GivesItsField()
    {
        foreach (var field in Enum.GetValues<PayloadField>().Where(f => f != PayloadField.Unknown))
        {
            Assert.Equal(field, PayloadFieldNames.Identify(Encoding.UTF8.GetBytes(PayloadFieldNames.NameOf(field))));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("b")]
    [InlineData("A")]
    [InlineData("tx")]
    [InlineData("wx")]
    [InlineData("pq")]
    [InlineData("sez")]
    [InlineData("Ts")]
    [InlineData("ports2")]
    [InlineData("portz")]
    [InlineData("shedd")]
    [InlineData("stat")]
    [InlineData("states")]
    [InlineData("smokE")]
    [InlineData("stake")]
    [InlineData("tempc")]
    [InlineData("temp")]
    [InlineData("units")]
    [InlineData("rolE")]
    [InlineData("leakMA")]
    [InlineData("buildings")]
    [InlineData("buildinG")]
    [InlineData("seqq")]
    [InlineData("whh")]
    [InlineData("pff")]
    [InlineData("ts ")]
    [InlineData("xport")]
    public void Identify_OtherNames_AreUnknown(string name) =>
        Assert.Equal(PayloadField.Unknown, PayloadFieldNames.Identify(Encoding.UTF8.GetBytes(name)));
}
