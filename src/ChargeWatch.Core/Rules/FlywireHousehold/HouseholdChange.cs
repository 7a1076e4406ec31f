namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>What one reading changed about the household alert.</summary>
public enum HouseholdChange : byte
{
    None,
    Fired,
    Resolved,
}
