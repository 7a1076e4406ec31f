using ChargeWatch.Core.Contract;
using Microsoft.Extensions.Options;

namespace ChargeWatch.Worker.Configuration;

/// <summary>The broker connection (<c>ChargeWatch:Mqtt</c>). <see cref="Password"/> is never logged.</summary>
public sealed class MqttOptions
{
    public const string Section = "ChargeWatch:Mqtt";

    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 1883;

    /// <summary>Fixed id of the persistent session; empty means <c>chargewatch-</c> + machine name.</summary>
    public string? ClientId { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>A file holding the password (first line); wins over <see cref="Password"/>.</summary>
    public string? PasswordFile { get; set; }

    public bool UseTls { get; set; }

    /// <summary>How long the broker keeps the session (and our queued messages) while we are away.</summary>
    public long SessionExpirySeconds { get; set; } = 86_400;

    /// <summary>Shared-subscription group; empty means a plain subscription.</summary>
    public string? SharedGroup { get; set; }

    /// <summary>
    /// The sites whose devices this worker subscribes to; empty means every site. Workers given
    /// disjoint sites share a community's load without splitting any device's readings, so each
    /// one's detectors (and warm start) see all of their sites' readings.
    /// </summary>
    public string[] Sites { get; set; } = [];

    /// <summary>Unacknowledged messages the broker may send before it waits: our back-pressure.</summary>
    public int ReceiveMaximum { get; set; } = 1000;

    public int KeepAliveSeconds { get; set; } = 30;

    public int ConnectTimeoutSeconds { get; set; } = 10;

    public int ReconnectMinDelayMs { get; set; } = 250;

    /// <summary>Cap of the reconnect backoff: how long a worker may stay away after the broker is back.</summary>
    public int ReconnectMaxDelayMs { get; set; } = 10_000;

    public string EffectiveClientId => string.IsNullOrWhiteSpace(ClientId) ? "chargewatch-" + Environment.MachineName : ClientId;
}

internal sealed class MqttOptionsValidator : IValidateOptions<MqttOptions>
{
    public ValidateOptionsResult Validate(string? name, MqttOptions options)
    {
        var errors = new OptionsErrors(MqttOptions.Section);
        errors.Required(nameof(options.Host), options.Host);
        errors.Range(nameof(options.Port), options.Port, 1, 65535);
        errors.Range(nameof(options.SessionExpirySeconds), options.SessionExpirySeconds, 1, uint.MaxValue);
        errors.Range(nameof(options.ReceiveMaximum), options.ReceiveMaximum, 1, ushort.MaxValue);
        errors.Range(nameof(options.KeepAliveSeconds), options.KeepAliveSeconds, 1, ushort.MaxValue);
        errors.Range(nameof(options.ConnectTimeoutSeconds), options.ConnectTimeoutSeconds, 1, 3600);
        errors.Range(nameof(options.ReconnectMinDelayMs), options.ReconnectMinDelayMs, 1, 3_600_000);
        errors.Range(nameof(options.ReconnectMaxDelayMs), options.ReconnectMaxDelayMs, options.ReconnectMinDelayMs, 3_600_000);
        if (options.EffectiveClientId.Length > 256)
        {
            errors.Fail($"{errors.Key(nameof(options.ClientId))} must be at most 256 characters");
        }
        if (!string.IsNullOrEmpty(options.SharedGroup) && options.SharedGroup.AsSpan().IndexOfAny("/+#") >= 0)
        {
            errors.Fail($"{errors.Key(nameof(options.SharedGroup))} must not contain '/', '+' or '#' (was '{options.SharedGroup}')");
        }
        foreach (var site in options.Sites)
        {
            if (!TopicParser.IsSiteName(site))
            {
                errors.Fail($"{errors.Key(nameof(options.Sites))} must hold site names as contract §1 has them, [a-z0-9_-]{{1,64}} (was '{site}')");
            }
        }
        if (options.Sites.Distinct(StringComparer.Ordinal).Count() != options.Sites.Length)
        {
            errors.Fail($"{errors.Key(nameof(options.Sites))} names a site twice");
        }
        SecretFile.Check(errors, nameof(options.PasswordFile), options.PasswordFile);
        return errors.Result();
    }
}
