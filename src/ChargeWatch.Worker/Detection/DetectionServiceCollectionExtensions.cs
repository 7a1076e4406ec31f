using ChargeWatch.Core.Detection;
using ChargeWatch.Core.Points;
using ChargeWatch.Core.Rules;
using ChargeWatch.Core.Sites;
using ChargeWatch.Worker.Configuration;
using ChargeWatch.Worker.Pipeline;
using ChargeWatch.Worker.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChargeWatch.Worker.Detection;

/// <summary>Registers the detection engine: site configuration, the alert state file, the engine factory and the warm start.</summary>
public static class DetectionServiceCollectionExtensions
{
    public static IServiceCollection AddChargeWatchDetection(this IServiceCollection services)
    {
        services.AddOptions<DetectionSettings>()
            .Configure<IConfiguration>((settings, configuration) => settings.Load(configuration, RuleCatalog.All))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DetectionSettings>, DetectionSettingsValidator>());
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<DetectionSettings>>().Value.Directory);
        services.AddSingleton<IDeviceDirectory>(sp => sp.GetRequiredService<SiteDirectory>());
        services.TryAddSingleton(sp => new AlertStateFile(
            // Read here rather than through the backbone's options so detection stands on its own.
            sp.GetRequiredService<IConfiguration>()["ChargeWatch:DataDirectory"] ?? "./data",
            sp.GetRequiredService<ILogger<AlertStateFile>>()));
        services.TryAddSingleton(sp => new DetectionEngineFactory(
            sp.GetRequiredService<SiteDirectory>(),
            new RestoredAlerts(sp.GetRequiredService<AlertStateFile>().Restored)));
        services.TryAddSingleton(sp => new PersistingEngineFactory(
            sp.GetRequiredService<DetectionEngineFactory>(),
            sp.GetRequiredService<AlertStateFile>()));
        services.AddSingleton<IDetectionEngineFactory>(sp => sp.GetRequiredService<PersistingEngineFactory>());
        services.AddOptions<WarmStartOptions>().BindConfiguration(WarmStartOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WarmStartOptions>, WarmStartOptionsValidator>());
        services.TryAddSingleton(sp => new InfluxMeterHistory(
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }),
            sp.GetRequiredService<IOptions<InfluxOptions>>().Value,
            sp.GetRequiredService<IOptions<MqttOptions>>().Value.Sites));
        services.TryAddSingleton<MeterHistoryReplay>();
        services.AddSingleton<IWarmStart>(sp => sp.GetRequiredService<MeterHistoryReplay>());
        return services;
    }
}
