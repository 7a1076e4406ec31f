using ChargeWatch.Simulator.Physics.Circuits;

namespace ChargeWatch.Simulator.Simulation;

/// <summary>What a scenario's household meter plays: <c>HouseholdModel.Create(Seed, Options)</c>.</summary>
public sealed record HouseholdDraw(string Device, long Seed, HouseholdOptions Options);
