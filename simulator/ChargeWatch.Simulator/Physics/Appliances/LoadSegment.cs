namespace ChargeWatch.Simulator.Physics.Appliances;

/// <summary>A stretch of constant nominal draw; <see cref="Fluctuation"/> is its relative noise (TV content, motor load).</summary>
public readonly record struct LoadSegment(double Start, double End, double Watts, double PowerFactor, double Fluctuation = 0);
