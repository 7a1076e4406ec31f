using System.Globalization;

namespace ChargeWatch.Simulator.Scenarios;

/// <summary>
/// Device ids a scenario's topology creates, so scenario files can name them: piles
/// <c>{shed}-c01</c>…, feeders <c>{shed}-feeder</c>, sensors <c>{shed}-s1</c>…, household meters
/// <c>b{building}-{floor}{door:00}</c> (unit <c>{building}-{floor}{door:00}</c>), corridor meters
/// <c>b{building}-corridor-{n}</c>.
/// </summary>
public static class Topology
{
    public static string Pile(string shed, int index) => string.Create(CultureInfo.InvariantCulture, $"{shed}-c{index + 1:00}");

    public static string Feeder(string shed) => $"{shed}-feeder";

    public static string Sensor(string shed, int index) => string.Create(CultureInfo.InvariantCulture, $"{shed}-s{index + 1}");

    /// <summary>Two flats per floor, numbered from the first floor up.</summary>
    public static string Unit(string building, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{building}-{(index / 2) + 1}{(index % 2) + 1:00}");

    public static string HouseholdMeter(string building, int index) => $"b{Unit(building, index)}";

    public static string CorridorMeter(string building, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"b{building}-corridor-{index + 1}");

    /// <summary>Every device id of the scenario by its kind: "charger", "feeder", "sensor", "household", "corridor".</summary>
    public static Dictionary<string, string> DeviceKinds(ScenarioFile scenario)
    {
        var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var shed in scenario.Sheds)
        {
            for (var i = 0; i < shed.Piles; i++)
            {
                kinds[Pile(shed.Id, i)] = "charger";
            }
            if (shed.Feeder)
            {
                kinds[Feeder(shed.Id)] = "feeder";
            }
            for (var i = 0; i < shed.Sensors; i++)
            {
                kinds[Sensor(shed.Id, i)] = "sensor";
            }
        }
        foreach (var building in scenario.Buildings)
        {
            for (var i = 0; i < building.Households; i++)
            {
                kinds[HouseholdMeter(building.Id, i)] = "household";
            }
            for (var i = 0; i < building.Corridors; i++)
            {
                kinds[CorridorMeter(building.Id, i)] = "corridor";
            }
        }
        return kinds;
    }
}
