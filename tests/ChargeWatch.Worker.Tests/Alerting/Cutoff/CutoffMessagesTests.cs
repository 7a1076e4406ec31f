using ChargeWatch.Core.Points;
using ChargeWatch.Worker.Cutoff;
using System.Text;

namespace ChargeWatch.Worker.Tests.Alerting.Cutoff;

public sealed class CutoffMessagesTests
{
    [Fact]
    public void ToUtf8_Cut_IsTheContractCommand()
    {
        var command = new CutoffCommand(new PortRef("dongyuan-1", "shed-a-c01", 3), Cut: true, "overcurrent", "overcurrent|dongyuan-1|charger|shed-a-c01|3");

        Assert.Equal("""{"cmd":"cut","port":3,"reason":"overcurrent","alert":"overcurrent|dongyuan-1|charger|shed-a-c01|3"}""",
            Encoding.UTF8.GetString(command.ToUtf8()));
        Assert.Equal("chargewatch/dongyuan-1/charger/shed-a-c01/cmd", command.Topic);
    }

    [Fact]
    public void ToUtf8_Restore_IsTheContractCommand() =>
        Assert.Equal("""{"cmd":"restore","port":3}""",
            Encoding.UTF8.GetString(new CutoffCommand(new PortRef("dongyuan-1", "shed-a-c01", 3), Cut: false).ToUtf8()));

    [Fact]
    public void Append_CutOrder_OneAnnotationPerPileJustAfterTheAlert()
    {
        var alert = TestAlerts.Smoke();
        var order = CutoffOrder.For(
            alert,
            [
                new CutoffCommand(new PortRef("dongyuan-1", "shed-a-c01", 1), true, "smoke", alert.Id),
                new CutoffCommand(new PortRef("dongyuan-1", "shed-a-c01", 2), true, "smoke", alert.Id),
                new CutoffCommand(new PortRef("dongyuan-1", "shed-a-c02", 1), true, "smoke", alert.Id),
            ]);
        var lines = new LineProtocolBuffer();

        CutoffAnnotation.Append(order, lines);

        var at = alert.ChangedAt.ToUnixTimeMilliseconds() + 1;
        Assert.Equal(
            $"alert,device=shed-a-c01,kind=charger,rule=smoke,severity=critical,site=dongyuan-1 status=\"cut\",summary=\"Protective cut-off: cut ports 1, 2 of shed-a-c01\",id=\"smoke|dongyuan-1|sensor|shed-a-s1\" {at}\n" +
            $"alert,device=shed-a-c02,kind=charger,rule=smoke,severity=critical,site=dongyuan-1 status=\"cut\",summary=\"Protective cut-off: cut port 1 of shed-a-c02\",id=\"smoke|dongyuan-1|sensor|shed-a-s1\",port=1i {at}\n",
            lines.ToString());
    }

    [Fact]
    public void Append_RestoreByHand_SaysSo()
    {
        var alert = TestAlerts.Overcurrent();
        var at = new DateTimeOffset(2026, 7, 1, 21, 0, 0, TimeSpan.Zero);
        var order = new CutoffOrder([new CutoffCommand(new PortRef("dongyuan-1", "shed-a-c01", 3), Cut: false)], alert.Id, alert.Rule, alert.Severity, at, ByHand: true);
        var lines = new LineProtocolBuffer();

        CutoffAnnotation.Append(order, lines);

        Assert.Contains("status=\"restore\",summary=\"Restored by hand: port 3 of shed-a-c01\"", lines.ToString(), StringComparison.Ordinal);
        Assert.EndsWith($",port=3i {at.ToUnixTimeMilliseconds() + 1}\n", lines.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"cmd":"restore","port":3}""", 3)]
    [InlineData("""{"port":12,"note":{"by":"caretaker"},"cmd":"restore"}""", 12)]
    public void TryReadRestore_RestoreCommand_ItsPort(string payload, int port)
    {
        Assert.True(CutoffCommand.TryReadRestore(new(Encoding.UTF8.GetBytes(payload)), out var read));
        Assert.Equal(port, read);
    }

    [Theory]
    [InlineData("""{"cmd":"cut","port":3,"reason":"smoke","alert":"a"}""")]
    [InlineData("""{"cmd":"restore"}""")]
    [InlineData("""{"cmd":"restore","port":65}""")]
    [InlineData("""{"cmd":"restore","port":"3"}""")]
    [InlineData("""{"cmd":"restore","port":3""")]
    [InlineData("restore 3")]
    [InlineData("[]")]
    public void TryReadRestore_AnythingElse_Refused(string payload) =>
        Assert.False(CutoffCommand.TryReadRestore(new(Encoding.UTF8.GetBytes(payload)), out _));

    [Theory]
    [InlineData("--site dongyuan-1 --charger shed-a-c01 --port 3", "port 3 of shed-a-c01")]
    [InlineData("--charger c --port 1 --port 2 --site s", "port 1 of c,port 2 of c")]
    public void TryParse_ValidArguments_Targets(string args, string expected)
    {
        Assert.True(RestoreCommandLine.TryParse(args.Split(' '), out var targets, out _));
        Assert.Equal(expected, string.Join(",", targets));
    }

    [Theory]
    [InlineData("--site s --charger c")]
    [InlineData("--site s --charger c --port 0")]
    [InlineData("--site s --charger c --port 65")]
    [InlineData("--site s --port 1")]
    [InlineData("--site s --charger c --port 1 --force")]
    public void TryParse_IncompleteOrWrong_Refused(string args) =>
        Assert.False(RestoreCommandLine.TryParse(args.Split(' '), out _, out _));

    [Fact]
    public async Task RunAsync_Usage_ExitCode2()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await RestoreCommandLine.RunAsync(["--site", "s"], output, error);

        Assert.Equal(2, exitCode);
        Assert.Contains(RestoreCommandLine.Usage, error.ToString(), StringComparison.Ordinal);
    }
}
