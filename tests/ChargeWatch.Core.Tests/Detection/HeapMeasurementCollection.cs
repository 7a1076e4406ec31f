namespace ChargeWatch.Core.Tests.Detection;

/// <summary>Tests that measure the process's heap: they run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeapMeasurementCollection
{
    public const string Name = "HeapMeasurement";
}
