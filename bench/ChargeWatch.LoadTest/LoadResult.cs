namespace ChargeWatch.LoadTest;

/// <summary>What one load run measured; <see cref="LoadReport"/> prints it.</summary>
internal sealed class LoadResult
{
    public required LoadOptions Options { get; init; }

    public required string Site { get; init; }

    public long Published { get; set; }

    public long PublishFailed { get; set; }

    public double PublishSeconds { get; set; }

    /// <summary>From the first publish until every PUBACK was in.</summary>
    public double AcknowledgedSeconds { get; set; }

    public long ExpectedPortPoints { get; set; }

    public long StoredPortPoints { get; set; }

    /// <summary>From the first publish until InfluxDB held every point (or stopped growing).</summary>
    public double StoredSeconds { get; set; }

    public bool Drained { get; set; }

    public double WorkerCpuSeconds { get; set; }

    public double BrokerCpuSeconds { get; set; }

    public double InfluxCpuSeconds { get; set; }

    public double LoadTestCpuSeconds { get; set; }

    public long PeakRssBytes { get; set; }

    public List<ProcessSample> WorkerSamples { get; } = [];

    public List<(double At, long Bytes)> SpoolSamples { get; } = [];

    public (double From, double To)? Outage { get; set; }

    public double[] AlertLatenciesMs { get; set; } = [];

    public int AlertsExpected { get; set; }

    public long AlertDuplicates { get; set; }

    public int? WorkerExitCode { get; set; }

    public string LoadAverageBefore { get; set; } = "";

    public string LoadAverageAfter { get; set; } = "";

    public long Lost => ExpectedPortPoints - StoredPortPoints;
}
