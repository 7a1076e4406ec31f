using Microsoft.Extensions.Options;

namespace ChargeWatch.Worker.Configuration;

/// <summary>The time-series store (<c>ChargeWatch:Influx</c>). <see cref="Token"/> is never logged.</summary>
public sealed class InfluxOptions
{
    public const string Section = "ChargeWatch:Influx";

    public string Url { get; set; } = "http://localhost:8086";

    /// <summary><c>v2</c> (InfluxDB.Client, <c>/api/v2/write</c>) or <c>v1</c> (<c>/write?db=</c>).</summary>
    public string Api { get; set; } = "v2";

    /// <summary>Bucket (v2) or database (v1).</summary>
    public string Bucket { get; set; } = "chargewatch";

    public string? Org { get; set; }

    public string? Token { get; set; }

    /// <summary>A file holding the token (first line); wins over <see cref="Token"/>.</summary>
    public string? TokenFile { get; set; }

    /// <summary>v1 only: retention policy; empty means the database default.</summary>
    public string? RetentionPolicy { get; set; }

    /// <summary>v1 only: gzip the request body.</summary>
    public bool Gzip { get; set; }

    /// <summary>Lines per write.</summary>
    public int BatchSize { get; set; } = 5000;

    /// <summary>Longest time a line waits for its batch to fill.</summary>
    public int FlushIntervalMs { get; set; } = 1000;

    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Retries of one batch before it goes to the spool.</summary>
    public int MaxRetries { get; set; } = 3;

    public bool IsV1 => string.Equals(Api, "v1", StringComparison.OrdinalIgnoreCase);

    /// <summary>The query string naming the database (and retention policy, when set) on the v1 API: <c>db=…[&amp;rp=…]</c>.</summary>
    public string V1DatabaseQuery() =>
        "db=" + Uri.EscapeDataString(Bucket) + (string.IsNullOrEmpty(RetentionPolicy) ? "" : "&rp=" + Uri.EscapeDataString(RetentionPolicy));
}

internal sealed class InfluxOptionsValidator : IValidateOptions<InfluxOptions>
{
    public ValidateOptionsResult Validate(string? name, InfluxOptions options)
    {
        var errors = new OptionsErrors(InfluxOptions.Section);
        errors.AbsoluteHttpUrl(nameof(options.Url), options.Url);
        errors.OneOf(nameof(options.Api), options.Api, "v1", "v2");
        errors.Required(nameof(options.Bucket), options.Bucket);
        errors.Range(nameof(options.BatchSize), options.BatchSize, 1, 1_000_000);
        errors.Range(nameof(options.FlushIntervalMs), options.FlushIntervalMs, 1, 600_000);
        errors.Range(nameof(options.TimeoutSeconds), options.TimeoutSeconds, 1, 600);
        errors.Range(nameof(options.MaxRetries), options.MaxRetries, 0, 100);
        SecretFile.Check(errors, nameof(options.TokenFile), options.TokenFile);
        return errors.Result();
    }
}
