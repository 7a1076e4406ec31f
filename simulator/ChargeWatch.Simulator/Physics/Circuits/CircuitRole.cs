namespace ChargeWatch.Simulator.Physics.Circuits;

public enum CircuitRole : byte
{
    Household,
    Corridor,
}
