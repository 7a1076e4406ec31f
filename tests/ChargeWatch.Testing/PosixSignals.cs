using System.Runtime.InteropServices;

namespace ChargeWatch.Testing;

/// <summary>Sends POSIX signals; .NET's <c>Process.Kill</c> only knows SIGKILL.</summary>
internal static partial class PosixSignals
{
    public const int SigTerm = 15;
    public const int SigInt = 2;

    public static void Send(int processId, int signal)
    {
        if (Kill(processId, signal) != 0)
        {
            throw new InvalidOperationException(
                $"kill({processId}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int sig);
}
