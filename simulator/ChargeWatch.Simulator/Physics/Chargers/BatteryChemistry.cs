namespace ChargeWatch.Simulator.Physics.Chargers;

/// <summary>E-bike pack chemistry: decides the charging algorithm's last stage.</summary>
public enum BatteryChemistry : byte
{
    /// <summary>Three-stage charger (bulk CC, absorption CV, float): keeps a float current when done.</summary>
    LeadAcid,
    /// <summary>CC/CV charger that cuts off at a termination current and then idles at a few watts.</summary>
    Lithium,
}
