using Microsoft.Extensions.Options;

namespace ChargeWatch.Worker.Alerting;

/// <summary>Fails the start on an Alertmanager or Grafana URL that is not an absolute http(s) URL, naming the key.</summary>
internal sealed class AlertmanagerOptionsValidator : IValidateOptions<AlertmanagerOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertmanagerOptions options)
    {
        var problems = new List<string>();
        for (var i = 0; i < options.Urls.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(options.Urls[i]) && !IsHttpUrl(options.Urls[i]))
            {
                problems.Add($"{AlertmanagerOptions.Section}:Urls:{i} must be an absolute http(s) URL (was '{options.Urls[i]}')");
            }
        }
        if (!IsHttpUrl(options.GrafanaUrl))
        {
            problems.Add($"{AlertmanagerOptions.Section}:GrafanaUrl must be an absolute http(s) URL (was '{options.GrafanaUrl}')");
        }
        foreach (var (pattern, team) in options.Teams)
        {
            if (string.IsNullOrWhiteSpace(team))
            {
                problems.Add($"{AlertmanagerOptions.Section}:Teams:{pattern} must name a team");
            }
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
