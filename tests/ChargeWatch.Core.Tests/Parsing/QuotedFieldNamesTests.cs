using System.Text;
using ChargeWatch.Core.Parsing;

namespace ChargeWatch.Core.Tests.Parsing;

/// <summary>The packed match must agree with reading the name as a string, colon and all.</summary>
public class QuotedFieldNamesTests
{
    private static readonly PayloadField[] ChargerFields =
        [PayloadField.Ts, PayloadField.Seq, PayloadField.Shed, PayloadField.TempC, PayloadField.Ports,
         PayloadField.Port, PayloadField.State, PayloadField.A, PayloadField.V, PayloadField.W, PayloadField.Wh];

    [Fact]
    public void Match_EachChargerNameInCompactForm_GivesItsFieldAndLength()
    {
        foreach (var field in ChargerFields)
        {
            var quoted = $"\"{PayloadFieldNames.NameOf(field)}\":";
            Assert.Equal(field, QuotedFieldNames.Match(Encoding.UTF8.GetBytes(quoted + "12345678"), out var length));
            Assert.Equal(quoted.Length, length);
        }
    }

    [Theory]
    [InlineData("\"a\" :1.5}}}")]
    [InlineData("\"ab\":1.5}}}")]
    [InlineData("\"wx\":1.5}}}")]
    [InlineData("\"whx\":1.5}}")]
    [InlineData("\"tempc\":1}}")]
    [InlineData("\"portz\":1}}")]
    [InlineData("\"ports\" :[]")]
    [InlineData("\"sed\":1}}}}")]
    [InlineData("\"shedd\":\"x\"")]
    [InlineData("\"stats\":\"x\"")]
    [InlineData("\"\\u0061\":1}}")]
    [InlineData("\"pf\":1}}}}}")]
    [InlineData("\"a\":")]
    public void Match_AnyOtherText_IsUnknown(string text)
    {
        Assert.Equal(PayloadField.Unknown, QuotedFieldNames.Match(Encoding.UTF8.GetBytes(text), out var length));
        Assert.Equal(0, length);
    }

    [Fact]
    public void Match_RandomTexts_AgreeWithTheNameReadAsAString()
    {
        var random = new Random(20261127);
        byte[] alphabet = [.. "\":aptwhsCeodrvmcq \\"u8];
        var matched = 0;
        var text = new byte[10];
        for (var i = 0; i < 200_000; i++)
        {
            // Half the cases start from a real name with one byte changed, so near misses are common.
            if (i % 2 == 0)
            {
                var quoted = Encoding.UTF8.GetBytes($"\"{PayloadFieldNames.NameOf(ChargerFields[random.Next(ChargerFields.Length)])}\":123456789");
                quoted.AsSpan(0, text.Length).CopyTo(text);
                text[random.Next(text.Length)] = alphabet[random.Next(alphabet.Length)];
            }
            else
            {
                text[0] = (byte)'"';
                for (var j = 1; j < text.Length; j++)
                {
                    text[j] = alphabet[random.Next(alphabet.Length)];
                }
            }

            var field = QuotedFieldNames.Match(text, out var length);
            if (length == 0)
            {
                Assert.Equal(PayloadField.Unknown, field);
                continue;
            }
            matched++;
            // What the string path reads: the name up to the next quote, then a colon right after it.
            var close = Array.IndexOf(text, (byte)'"', 1);
            Assert.Equal(length - 1, close + 1);
            Assert.Equal((byte)':', text[close + 1]);
            Assert.Equal(PayloadFieldNames.Identify(text.AsSpan(1, close - 1)), field);
            Assert.NotEqual(PayloadField.Unknown, field);
        }

        Assert.True(matched > 10_000, $"only {matched} matches");
    }
}
