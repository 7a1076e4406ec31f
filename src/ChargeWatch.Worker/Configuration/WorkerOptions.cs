using Microsoft.Extensions.Options;

namespace ChargeWatch.Worker.Configuration;

/// <summary>Top-level keys of the <c>ChargeWatch</c> section.</summary>
public sealed class WorkerOptions
{
    public const string Section = "ChargeWatch";

    /// <summary>Spool, dead letters and alert state live below this directory.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>Tag <c>instance</c> of the <c>chargewatch</c> measurement.</summary>
    public string Instance { get; set; } = Environment.MachineName;

    /// <summary>Number of detection shards; 0 means one per processor.</summary>
    public int Shards { get; set; }

    public int EffectiveShards => Shards > 0 ? Shards : Environment.ProcessorCount;

    public string SpoolDirectory => Path.Combine(DataDirectory, "spool");

    public string DeadLetterDirectory => Path.Combine(DataDirectory, "deadletters");

    public string RejectedBatchDirectory => Path.Combine(DataDirectory, "rejected-batches");
}

internal sealed class WorkerOptionsValidator : IValidateOptions<WorkerOptions>
{
    public ValidateOptionsResult Validate(string? name, WorkerOptions options)
    {
        var errors = new OptionsErrors(WorkerOptions.Section);
        errors.Required(nameof(options.DataDirectory), options.DataDirectory);
        errors.Required(nameof(options.Instance), options.Instance);
        errors.Range(nameof(options.Shards), options.Shards, 0, 1024);
        return errors.Result();
    }
}
