using Microsoft.Extensions.Options;

namespace ChargeWatch.Worker.Configuration;

/// <summary>The disk spool that holds batches while InfluxDB is unreachable (<c>ChargeWatch:Spool</c>).</summary>
public sealed class SpoolOptions
{
    public const string Section = "ChargeWatch:Spool";

    public long MaxBytes { get; set; } = 1L << 30;
}

/// <summary>The rotated dead-letter file of rejected messages (<c>ChargeWatch:DeadLetters</c>).</summary>
public sealed class DeadLetterOptions
{
    public const string Section = "ChargeWatch:DeadLetters";

    /// <summary>Size at which the file rotates; the total on disk stays below (MaxFiles + 1) × MaxBytes.</summary>
    public long MaxBytes { get; set; } = 64L << 20;

    /// <summary>Rotated files kept besides the current one.</summary>
    public int MaxFiles { get; set; } = 3;
}

/// <summary>Limits of the ingest path (<c>ChargeWatch:Ingest</c>).</summary>
public sealed class IngestOptions
{
    public const string Section = "ChargeWatch:Ingest";

    /// <summary>Larger payloads are rejected unread (reason <c>too_large</c>).</summary>
    public int MaxPayloadBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// Readings stamped further ahead of their arrival than this are rejected (reason
    /// <c>invalid_timestamp</c>): one device with a clock years ahead would otherwise push its site's
    /// watermark there and make every other device look offline. 0 switches the check off
    /// (a simulation dated in the future).
    /// </summary>
    public int MaxClockAheadSeconds { get; set; } = 86_400;
}

/// <summary>The service's own counters (<c>ChargeWatch:Counters</c>).</summary>
public sealed class CountersOptions
{
    public const string Section = "ChargeWatch:Counters";

    public int IntervalSeconds { get; set; } = 10;
}

internal sealed class StorageOptionsValidator :
    IValidateOptions<SpoolOptions>, IValidateOptions<DeadLetterOptions>, IValidateOptions<IngestOptions>, IValidateOptions<CountersOptions>
{
    public ValidateOptionsResult Validate(string? name, SpoolOptions options)
    {
        var errors = new OptionsErrors(SpoolOptions.Section);
        errors.Range(nameof(options.MaxBytes), options.MaxBytes, 1 << 20, long.MaxValue);
        return errors.Result();
    }

    public ValidateOptionsResult Validate(string? name, DeadLetterOptions options)
    {
        var errors = new OptionsErrors(DeadLetterOptions.Section);
        errors.Range(nameof(options.MaxBytes), options.MaxBytes, 4096, long.MaxValue);
        errors.Range(nameof(options.MaxFiles), options.MaxFiles, 1, 1000);
        return errors.Result();
    }

    public ValidateOptionsResult Validate(string? name, IngestOptions options)
    {
        var errors = new OptionsErrors(IngestOptions.Section);
        errors.Range(nameof(options.MaxPayloadBytes), options.MaxPayloadBytes, 16, 256 << 20);
        errors.Range(nameof(options.MaxClockAheadSeconds), options.MaxClockAheadSeconds, 0, int.MaxValue);
        return errors.Result();
    }

    public ValidateOptionsResult Validate(string? name, CountersOptions options)
    {
        var errors = new OptionsErrors(CountersOptions.Section);
        errors.Range(nameof(options.IntervalSeconds), options.IntervalSeconds, 1, 86_400);
        return errors.Result();
    }
}
