using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Readings;

namespace ChargeWatch.Core.Tests.Detection;

/// <summary>Readings for rule tests: one site, times as seconds after <see cref="T0"/>.</summary>
internal static class Make
{
    public const string Site = "dongyuan-1";

    public static readonly DateTimeOffset T0 = new(2026, 7, 8, 21, 30, 0, TimeSpan.FromHours(8));

    public static DeviceKey ChargerKey(string device = "shed-a-c01") => new(Site, DeviceKind.Charger, device);

    public static DeviceKey FeederKey(string device = "shed-a-f") => new(Site, DeviceKind.Feeder, device);

    public static DeviceKey SensorKey(string device = "shed-a-s1") => new(Site, DeviceKind.Sensor, device);

    public static DeviceKey MeterKey(string device = "6-602") => new(Site, DeviceKind.Meter, device);

    public static DateTimeOffset At(double seconds) => T0.AddSeconds(seconds);

    /// <summary>A charger reading with one charging port drawing <paramref name="amps"/>.</summary>
    public static ChargerReading Port(double seconds, double amps, int port = 3, PortState state = PortState.Charging,
        double? tempC = null, double? watts = null, string device = "shed-a-c01") =>
        new(ChargerKey(device), At(seconds), null, "shed-a", null,
            [new PortReading(port, amps, state, 220, watts ?? amps * 220, null, tempC)]);

    public static ChargerReading Cabinet(double seconds, double cabinetTempC, string device = "shed-a-c01") =>
        new(ChargerKey(device), At(seconds), null, "shed-a", cabinetTempC, [new PortReading(1, 0, PortState.Idle)]);

    public static FeederReading Feeder(double seconds, double amps, double? leakMa = null, string device = "shed-a-f") =>
        new(FeederKey(device), At(seconds), null, "shed-a", amps, 230, amps * 230, null, leakMa);

    public static SensorReading Sensor(double seconds, double? tempC = null, bool? smoke = null, string device = "shed-a-s1") =>
        new(SensorKey(device), At(seconds), null, "shed-a", tempC, smoke);

    public static MeterReading Meter(double seconds, double watts, string device = "6-602") =>
        new(MeterKey(device), At(seconds), null, watts, 230, null, null, null, null, null, null);
}
