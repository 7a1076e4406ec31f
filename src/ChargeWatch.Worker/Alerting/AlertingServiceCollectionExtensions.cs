using ChargeWatch.Core.Points;
using ChargeWatch.Worker.Alerts;
using ChargeWatch.Worker.Configuration;
using ChargeWatch.Worker.Counters;
using ChargeWatch.Worker.Cutoff;
using ChargeWatch.Worker.Health;
using ChargeWatch.Worker.Ingest;
using ChargeWatch.Worker.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChargeWatch.Worker.Alerting;

/// <summary>
/// Alerts that reach people (Alertmanager with teams), the protective cut-off, and the health and
/// metrics endpoint: one line in Program.cs.
/// </summary>
public static class AlertingServiceCollectionExtensions
{
    public static IServiceCollection AddChargeWatchAlerting(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<AlertmanagerOptions>().BindConfiguration(AlertmanagerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AlertmanagerOptions>, AlertmanagerOptionsValidator>());
        services.AddOptions<HttpOptions>().BindConfiguration(HttpOptions.Section);

        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<AlertmanagerOptions>>().Value);
        services.TryAddSingleton(sp => TeamMap.From(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<AlertmanagerOptions>()));
        services.TryAddSingleton(sp => new AlertmanagerAlertFactory(sp.GetRequiredService<TeamMap>(), sp.GetRequiredService<AlertmanagerOptions>().GrafanaUrl));
        services.TryAddSingleton(sp => new ActiveAlerts(
            Path.Combine(AlertmanagerDirectory(sp), "active.json"), sp.GetRequiredService<ILogger<ActiveAlerts>>()));
        services.TryAddSingleton<AlertmanagerSink>();
        services.AddHttpClient(nameof(AlertmanagerClient));
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<AlertmanagerOptions>();
            var targets = AlertmanagerTargets.Create(
                options,
                AlertmanagerDirectory(sp),
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(AlertmanagerClient)),
                sp.GetRequiredService<ActiveAlerts>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILoggerFactory>());
            return new AlertmanagerDelivery(
                sp.GetRequiredService<AlertmanagerSink>(), targets, options, sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<AlertmanagerDelivery>>());
        });
        services.AddHostedService(sp => sp.GetRequiredService<AlertmanagerDelivery>());

        services.TryAddSingleton(sp => CutoffSettings.From(sp.GetRequiredService<IConfiguration>()));
        services.TryAddSingleton<PortTopology>();
        services.TryAddSingleton<CutoffOutbox>();
        services.TryAddSingleton<CutoffCounters>();
        services.TryAddSingleton(sp => new CutoffState(Path.Combine(DataDirectory(sp), "cutoff", "state.json")));
        services.TryAddSingleton<CutoffController>();
        services.AddHostedService(sp => new CutoffService(
            sp.GetRequiredService<CutoffSettings>(),
            sp.GetRequiredService<CutoffOutbox>(),
            sp.GetRequiredService<PortTopology>(),
            sp.GetRequiredService<IOptions<MqttOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<CutoffState>(),
            sp.GetRequiredService<CutoffCounters>(),
            sp.GetRequiredService<SideWrites>(),
            sp.GetServices<IDeviceDirectory>().LastOrDefault(d => d is not EmptyDeviceDirectory) ?? EmptyDeviceDirectory.Instance,
            sp.GetRequiredService<ILogger<CutoffService>>()));

        services.AddSingleton<IAlertSink, AlertingSink>();

        services.TryAddSingleton(sp => new WorkerMetrics(
            sp.GetRequiredService<ServiceCounters>(),
            () => sp.GetRequiredService<MqttConnection>().IsConnected,
            sp.GetRequiredService<CutoffCounters>(),
            sp.GetRequiredService<AlertmanagerDelivery>().Targets));
        services.AddHostedService(sp => new HealthServer(
            sp.GetRequiredService<IOptions<HttpOptions>>().Value,
            () => Signals(sp),
            sp.GetRequiredService<WorkerMetrics>(),
            sp.GetRequiredService<ILogger<HealthServer>>()));
        return services;
    }

    private static HealthSignals Signals(IServiceProvider sp)
    {
        var counters = sp.GetRequiredService<ServiceCounters>();
        var mqtt = sp.GetRequiredService<IOptions<MqttOptions>>().Value;
        return new HealthSignals(
            sp.GetRequiredService<MqttConnection>().IsConnected,
            $"{mqtt.Host}:{mqtt.Port}",
            counters.SpoolBytes,
            sp.GetRequiredService<IOptions<SpoolOptions>>().Value.MaxBytes,
            counters.PointsWritten,
            counters.WriteFailures,
            [.. sp.GetRequiredService<AlertmanagerDelivery>().Targets.Where(t => !t.Reachable).Select(t => t.Url.ToString())]);
    }

    private static string DataDirectory(IServiceProvider sp) => sp.GetRequiredService<IOptions<WorkerOptions>>().Value.DataDirectory;

    private static string AlertmanagerDirectory(IServiceProvider sp) => Path.Combine(DataDirectory(sp), "alertmanager");
}
