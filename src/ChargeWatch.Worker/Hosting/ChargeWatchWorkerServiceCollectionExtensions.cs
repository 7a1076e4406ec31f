using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Detection;
using ChargeWatch.Core.Parsing;
using ChargeWatch.Core.Points;
using ChargeWatch.Worker.Acks;
using ChargeWatch.Worker.Alerts;
using ChargeWatch.Worker.Configuration;
using ChargeWatch.Worker.Counters;
using ChargeWatch.Worker.DeadLetters;
using ChargeWatch.Worker.Ingest;
using ChargeWatch.Worker.Pipeline;
using ChargeWatch.Worker.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChargeWatch.Worker.Hosting;

/// <summary>The worker's backbone, one extension per edge: options, ingest, storage, pipeline, alert sinks.</summary>
public static class ChargeWatchWorkerServiceCollectionExtensions
{
    /// <summary>Everything of the backbone. Features (detection, alerting, health) add themselves with their own one line.</summary>
    public static IServiceCollection AddChargeWatchWorker(this IServiceCollection services) =>
        services
            .AddChargeWatchOptions()
            .AddChargeWatchIngest()
            .AddChargeWatchStorage()
            .AddChargeWatchPipeline()
            .AddChargeWatchAlertSinks();

    public static IServiceCollection AddChargeWatchOptions(this IServiceCollection services)
    {
        services.AddChargeWatchSection<WorkerOptions, WorkerOptionsValidator>(WorkerOptions.Section);
        services.AddChargeWatchSection<MqttOptions, MqttOptionsValidator>(MqttOptions.Section);
        services.AddChargeWatchSection<InfluxOptions, InfluxOptionsValidator>(InfluxOptions.Section);
        services.AddChargeWatchSection<SpoolOptions, StorageOptionsValidator>(SpoolOptions.Section);
        services.AddChargeWatchSection<DeadLetterOptions, StorageOptionsValidator>(DeadLetterOptions.Section);
        services.AddChargeWatchSection<IngestOptions, StorageOptionsValidator>(IngestOptions.Section);
        services.AddChargeWatchSection<CountersOptions, StorageOptionsValidator>(CountersOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ServiceCounters>();
        return services;
    }

    public static IServiceCollection AddChargeWatchIngest(this IServiceCollection services)
    {
        services.TryAddSingleton<AckSequencer>();
        services.TryAddSingleton<MqttConnection>();
        services.TryAddSingleton<SubscriptionRecord>();
        services.TryAddSingleton<MqttIngest>();
        return services;
    }

    public static IServiceCollection AddChargeWatchStorage(this IServiceCollection services)
    {
        services.TryAddSingleton<SideWrites>();
        services.TryAddSingleton<IInfluxWriteClient>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<InfluxOptions>>().Value;
            return options.IsV1
                ? new InfluxV1WriteClient(new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }), options)
                : new InfluxV2WriteClient(options);
        });
        services.TryAddSingleton(sp =>
        {
            var worker = sp.GetRequiredService<IOptions<WorkerOptions>>().Value;
            var time = sp.GetRequiredService<TimeProvider>();
            return new InfluxWriter(
                sp.GetRequiredService<IInfluxWriteClient>(),
                WriteResilience.Create(sp.GetRequiredService<IOptions<InfluxOptions>>().Value, time),
                new DiskSpool(worker.SpoolDirectory, sp.GetRequiredService<IOptions<SpoolOptions>>().Value.MaxBytes),
                new RejectedBatchStore(worker.RejectedBatchDirectory, time),
                sp.GetRequiredService<AckSequencer>(),
                sp.GetRequiredService<ServiceCounters>(),
                time,
                sp.GetRequiredService<ILogger<InfluxWriter>>());
        });
        services.AddHostedService<CounterReporter>();
        return services;
    }

    public static IServiceCollection AddChargeWatchPipeline(this IServiceCollection services)
    {
        services.TryAddSingleton<IDeviceDirectory>(EmptyDeviceDirectory.Instance);
        services.TryAddSingleton<IDetectionEngineFactory, NoDetectionEngineFactory>();
        services.TryAddSingleton<AlertDispatcher>();
        services.TryAddSingleton(sp => new ShardSet(
            Latest<IDetectionEngineFactory, NoDetectionEngineFactory>(sp),
            sp.GetRequiredService<AlertDispatcher>(),
            sp.GetRequiredService<IOptions<WorkerOptions>>().Value.EffectiveShards,
            sp.GetRequiredService<ILogger<ShardSet>>()));
        services.TryAddSingleton(sp =>
        {
            var worker = sp.GetRequiredService<IOptions<WorkerOptions>>().Value;
            var influx = sp.GetRequiredService<IOptions<InfluxOptions>>().Value;
            var deadLetters = sp.GetRequiredService<IOptions<DeadLetterOptions>>().Value;
            var time = sp.GetRequiredService<TimeProvider>();
            var shards = sp.GetRequiredService<ShardSet>();
            var ingest = sp.GetRequiredService<IOptions<IngestOptions>>().Value;
            return new IngestPipeline(
                new TopicParser(),
                new TelemetryParser(ingest.MaxPayloadBytes),
                new ReadingPointMapper(Latest<IDeviceDirectory, EmptyDeviceDirectory>(sp)),
                new PointBatcher(influx.BatchSize, TimeSpan.FromMilliseconds(influx.FlushIntervalMs), time),
                new ShardRouter(shards.Count),
                shards,
                new DeadLetterFile(worker.DeadLetterDirectory, deadLetters.MaxBytes, deadLetters.MaxFiles),
                sp.GetRequiredService<RejectLog>(),
                sp.GetRequiredService<ServiceCounters>(),
                TimeSpan.FromSeconds(ingest.MaxClockAheadSeconds));
        });
        services.TryAddSingleton<RejectLog>();
        services.AddHostedService<IngestWorker>();
        return services;
    }

    public static IServiceCollection AddChargeWatchAlertSinks(this IServiceCollection services)
    {
        services.TryAddSingleton<MqttAlertSink>();
        services.AddSingleton<IAlertSink>(sp => sp.GetRequiredService<MqttAlertSink>());
        services.AddSingleton<IAlertSink, InfluxAlertSink>();
        services.AddSingleton<IAlertSink, LogAlertSink>();
        return services;
    }

    private static void AddChargeWatchSection<TOptions, TValidator>(this IServiceCollection services, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
    }

    // Features may register their implementation before or after the backbone's stand-in:
    // whichever order Program.cs uses, the feature's registration wins over the stand-in.
    private static TService Latest<TService, TStandIn>(IServiceProvider sp)
        where TService : class
    {
        var all = sp.GetServices<TService>().ToList();
        return all.LastOrDefault(s => s is not TStandIn) ?? all.Last();
    }
}
