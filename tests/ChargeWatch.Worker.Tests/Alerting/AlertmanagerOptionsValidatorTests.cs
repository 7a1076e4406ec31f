using ChargeWatch.Worker.Alerting;

namespace ChargeWatch.Worker.Tests.Alerting;

public sealed class AlertmanagerOptionsValidatorTests
{
    private readonly AlertmanagerOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeed() =>
        Assert.True(_validator.Validate(null, new AlertmanagerOptions()).Succeeded);

    [Fact]
    public void Validate_UrlWithoutScheme_FailsNamingTheKey()
    {
        var result = _validator.Validate(null, new AlertmanagerOptions { Urls = ["http://am-1:9093", "am-2:9093"] });

        Assert.True(result.Failed);
        Assert.Contains("ChargeWatch:Alertmanager:Urls:1 must be an absolute http(s) URL (was 'am-2:9093')", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TeamWithoutName_Fails()
    {
        var result = _validator.Validate(null, new AlertmanagerOptions { Teams = new() { ["smoke"] = " " } });

        Assert.Contains("ChargeWatch:Alertmanager:Teams:smoke must name a team", result.FailureMessage, StringComparison.Ordinal);
    }
}
