using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace ChargeWatch.Testing;

/// <summary>
/// A real service run as a child process in its own temporary directory. Output goes to a log file
/// and to <see cref="OutputLines"/>; <see cref="StartAsync"/> returns once the service is ready and
/// stops what it started when it is not; dispose kills the whole process tree.
/// The same instance can be stopped and started again (same directory, same ports) for restart tests.
/// </summary>
public abstract class ServiceProcess : IAsyncDisposable
{
    // Children still running when the test host exits without disposing them (a crash of a test,
    // Ctrl-C) would live on and hold their ports: kill them on the way out.
    private static readonly HashSet<Process> Running = [];
    private static readonly Lock RunningLock = new();

    static ServiceProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAllRunning();

    private readonly Lock _outputLock = new();
    private readonly List<string> _output = [];
    private readonly StreamWriter _log;
    private Process? _process;
    private int _startLineIndex;
    private bool _disposed;

    protected ServiceProcess(string name, string? directory = null)
    {
        Name = name;
        Directory = directory ?? TempDirectory.Create(name);
        System.IO.Directory.CreateDirectory(Directory);
        LogPath = Path.Combine(Directory, name + ".log");
        _log = new StreamWriter(LogPath, append: true) { AutoFlush = true };
    }

    public string Name { get; }

    /// <summary>The service's private directory: config, data and the log live here.</summary>
    public string Directory { get; }

    public string LogPath { get; }

    /// <summary>How long <see cref="StartAsync"/> waits for readiness.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long <see cref="StopAsync"/> waits after SIGTERM before it kills.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsRunning => _process is { HasExited: false };

    public int? ProcessId => _process?.Id;

    /// <summary>Exit code of the last run, once it ended.</summary>
    public int? ExitCode => _process is { HasExited: true } p ? p.ExitCode : null;

    /// <summary>Every output line (stdout and stderr) of every run so far.</summary>
    public IReadOnlyList<string> OutputLines
    {
        get
        {
            lock (_outputLock)
            {
                return [.. _output];
            }
        }
    }

    /// <summary>Output lines of the current (or last) run only.</summary>
    public IReadOnlyList<string> OutputSinceStart
    {
        get
        {
            lock (_outputLock)
            {
                return _output.GetRange(_startLineIndex, _output.Count - _startLineIndex);
            }
        }
    }

    /// <summary>Writes configuration files and anything else a run needs; called before every start.</summary>
    protected virtual Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The command line; the base class adds redirection and the working directory.</summary>
    protected abstract ProcessStartInfo CreateStartInfo();

    /// <summary>Completes once the service answers; called repeatedly is not needed: poll inside until cancelled.</summary>
    protected abstract Task WaitUntilReadyAsync(CancellationToken cancellationToken);

    /// <summary>Polls <paramref name="path"/> every 50 ms until it answers <paramref name="ready"/>; refused connections count as not yet.</summary>
    protected static async Task PollUntilAsync(HttpClient http, string path, HttpStatusCode ready, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
                if (response.StatusCode == ready)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(50, cancellationToken);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (IsRunning)
        {
            throw new InvalidOperationException($"{Name} is already running.");
        }
        try
        {
            await PrepareAsync(cancellationToken);
            LaunchProcess();
            await WaitForReadinessAsync(_process!, cancellationToken);
        }
        catch (Exception e)
        {
            await KillQuietlyAsync();
            if (e is ServiceBinaryNotFoundException)
            {
                throw;
            }
            throw new ServiceStartException(Name, e.Message, LogTail(), e);
        }
    }

    /// <summary>SIGTERM, then waits for the exit; kills and throws when it takes longer than <see cref="StopTimeout"/>.</summary>
    public async Task<int> StopAsync(CancellationToken cancellationToken = default)
    {
        var process = _process ?? throw new InvalidOperationException($"{Name} was never started.");
        if (!process.HasExited)
        {
            try
            {
                PosixSignals.Send(process.Id, PosixSignals.SigTerm);
            }
            catch (InvalidOperationException) when (process.HasExited)
            {
            }
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(StopTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                await KillQuietlyAsync();
                throw new TimeoutException($"{Name} did not exit within {StopTimeout} after SIGTERM and was killed.\n{LogTail()}");
            }
        }
        Append($"=== {Name} exited with code {process.ExitCode} ===");
        return process.ExitCode;
    }

    /// <summary>SIGKILL to the whole process tree, as a crash or power cut would end it.</summary>
    public async Task KillAsync()
    {
        await KillQuietlyAsync();
        Append($"=== {Name} killed ===");
    }

    /// <summary>Waits until a line of the current run matches; throws with the log tail on timeout or early exit.</summary>
    public async Task<string> WaitForOutputAsync(Func<string, bool> match, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = Stopwatch.StartNew();
        var checkedUpTo = 0;
        while (true)
        {
            var lines = OutputSinceStart;
            for (; checkedUpTo < lines.Count; checkedUpTo++)
            {
                if (match(lines[checkedUpTo]))
                {
                    return lines[checkedUpTo];
                }
            }
            if (_process is { HasExited: true })
            {
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} before the expected output appeared.\n{LogTail()}");
            }
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"{Name} did not print the expected output within {timeout}.\n{LogTail()}");
            }
            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>The last lines of output, for failure messages.</summary>
    public string LogTail(int lines = 40)
    {
        var all = OutputLines;
        return $"--- last {Math.Min(lines, all.Count)} lines of {Name} output ({LogPath}) ---\n"
            + string.Join('\n', all.Skip(Math.Max(0, all.Count - lines)));
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        await KillQuietlyAsync();
        _process?.Dispose();
        await _log.DisposeAsync();
        await ReleaseResourcesAsync();
        TempDirectory.DeleteQuietly(Directory);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what a subclass holds beyond the process (HTTP clients, …).</summary>
    protected virtual ValueTask ReleaseResourcesAsync() => ValueTask.CompletedTask;

    private void LaunchProcess()
    {
        var info = CreateStartInfo();
        info.UseShellExecute = false;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.RedirectStandardInput = true;
        if (string.IsNullOrEmpty(info.WorkingDirectory))
        {
            info.WorkingDirectory = Directory;
        }
        _process?.Dispose();
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        lock (_outputLock)
        {
            _startLineIndex = _output.Count;
        }
        Append(string.Create(CultureInfo.InvariantCulture,
            $"=== {Name} starting: {info.FileName} {string.Join(' ', info.ArgumentList)} ==="));
        process.Start();
        _process = process;
        lock (RunningLock)
        {
            Running.Add(process);
        }
        process.Exited += (_, _) =>
        {
            lock (RunningLock)
            {
                Running.Remove(process);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    private async Task WaitForReadinessAsync(Process process, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        var ready = WaitUntilReadyAsync(timeout.Token);
        var exited = process.WaitForExitAsync(timeout.Token);
        var first = await Task.WhenAny(ready, exited);
        if (first == exited && !ready.IsCompletedSuccessfully && process.HasExited)
        {
            await timeout.CancelAsync();
            throw new InvalidOperationException($"{Name} exited with code {process.ExitCode} before it was ready.");
        }
        try
        {
            await ready;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{Name} was not ready within {StartTimeout}.");
        }
    }

    private async Task KillQuietlyAsync()
    {
        if (_process is not { } process)
        {
            return;
        }
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException or System.ComponentModel.Win32Exception)
        {
            // Already gone, or never really started.
        }
    }

    private static void KillAllRunning()
    {
        lock (RunningLock)
        {
            foreach (var process in Running)
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
                {
                }
            }
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_outputLock)
        {
            _output.Add(line);
            if (!_disposed)
            {
                _log.WriteLine(line);
            }
        }
    }
}

/// <summary>A service did not become ready; the message carries the tail of its output.</summary>
public sealed class ServiceStartException(string service, string reason, string logTail, Exception inner)
    : Exception($"{service} failed to start: {reason}\n{logTail}", inner)
{
    public string Service { get; } = service;
}
