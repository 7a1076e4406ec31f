namespace ChargeWatch.Core.Readings;

/// <summary>What a meter measures: a household, or a corridor (public-area) circuit.</summary>
public enum MeterRole : byte
{
    Household,
    Corridor,
}

public static class MeterRoleNames
{
    public static string ToContractName(this MeterRole role) => role == MeterRole.Corridor ? "corridor" : "household";
}
