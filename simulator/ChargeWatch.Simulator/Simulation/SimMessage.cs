namespace ChargeWatch.Simulator.Simulation;

/// <summary>One MQTT message the simulation publishes, at its event time (seconds since the scenario start).</summary>
public sealed record SimMessage(double Seconds, DateTimeOffset EventTime, string Topic, byte[] Payload, bool Retain = false);
