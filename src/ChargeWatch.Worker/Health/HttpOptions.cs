namespace ChargeWatch.Worker.Health;

/// <summary>
/// Section <c>ChargeWatch:Http</c>: where <c>/healthz</c> and <c>/metrics</c> listen. Loopback by
/// default; several URLs separated by <c>;</c>; <c>0.0.0.0</c> or <c>*</c> as host listens on every
/// interface; empty switches the endpoint off.
/// </summary>
public sealed class HttpOptions
{
    public const string Section = "ChargeWatch:Http";

    public string Urls { get; set; } = "http://127.0.0.1:9464";

    /// <summary>The <see cref="System.Net.HttpListener"/> prefixes of <see cref="Urls"/>; throws naming the key on a bad URL.</summary>
    public IReadOnlyList<string> Prefixes()
    {
        var prefixes = new List<string>();
        foreach (var part in Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var normalised = part.Replace("://0.0.0.0:", "://*:", StringComparison.Ordinal).Replace("://+:", "://*:", StringComparison.Ordinal);
            var parsable = normalised.Replace("://*:", "://wildcard:", StringComparison.Ordinal);
            if (!Uri.TryCreate(parsable, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
            {
                throw new InvalidOperationException($"{Section}:Urls must be http://host:port URLs separated by ';' (was '{Urls}')");
            }
            var host = uri.Host == "wildcard" ? "*" : uri.Host;
            prefixes.Add($"http://{host}:{uri.Port}/");
        }
        return prefixes;
    }
}
