using ChargeWatch.Testing;
using System.Diagnostics;
using System.Globalization;

namespace ChargeWatch.Worker.Tests.Alerting.EndToEnd;

/// <summary>Runs <c>dotnet ChargeWatch.Worker.dll restore …</c> against a broker, as an operator would.</summary>
internal sealed class RestoreRun(MosquittoProcess broker, string clientTag) : IAsyncDisposable
{
    private Process? _process;

    public string Output { get; private set; } = "";

    public async Task<int> RunAsync(params string[] arguments)
    {
        var dll = await WorkerLocator.FindOrBuildAsync(TestContext.Current.CancellationToken);
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("restore");
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment["ChargeWatch__Mqtt__Host"] = broker.Host;
        info.Environment["ChargeWatch__Mqtt__Port"] = broker.Port.ToString(CultureInfo.InvariantCulture);
        info.Environment["ChargeWatch__Mqtt__ClientId"] = "cw-restore-" + clientTag;
        _process = Process.Start(info)!;
        var stdout = _process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = _process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
        Output = await stdout + await stderr;
        return _process.ExitCode;
    }

    public ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
        }
        _process?.Dispose();
        return ValueTask.CompletedTask;
    }
}
