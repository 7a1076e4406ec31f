using System.Runtime.InteropServices;

namespace ChargeWatch.Worker.Storage;

/// <summary>
/// Writes a file so that it survives a power cut once the call returns: the bytes go to a temporary
/// file that is flushed to disk, renamed over the target, and then the directory itself is flushed —
/// on Linux a rename lives in the directory, and without that last step a crash can bring back the
/// old file (or none) after the caller has acknowledged the data. A crash before the rename leaves
/// the old file whole.
/// </summary>
internal static partial class DurableFile
{
    public const string TemporaryExtension = ".tmp";

    /// <summary>
    /// Writes <paramref name="head"/> then <paramref name="body"/> to <paramref name="path"/>;
    /// <paramref name="replace"/> is false when a file of that name must not exist yet (a spool's numbered batch).
    /// </summary>
    public static void Write(string path, ReadOnlySpan<byte> head, ReadOnlySpan<byte> body = default, bool replace = true)
    {
        var temporary = path + TemporaryExtension;
        using (var file = new FileStream(temporary, replace ? FileMode.Create : FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None))
        {
            file.Write(head);
            file.Write(body);
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: replace);
        FlushDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <summary>Makes the directory's entries (renames, creations, deletions) durable; a no-op where the OS does not need it.</summary>
    public static void FlushDirectory(string directory)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            // Windows makes a rename durable with the file system's own journal; it cannot open a directory for flushing.
            return;
        }
        var descriptor = Native.Open(directory, 0 /* O_RDONLY */);
        if (descriptor < 0)
        {
            throw new IOException($"Cannot open directory {directory} to flush it (errno {Marshal.GetLastPInvokeError()}).");
        }
        try
        {
            if (Native.Fsync(descriptor) != 0)
            {
                throw new IOException($"Cannot flush directory {directory} to disk (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = Native.Close(descriptor);
        }
    }

    private static partial class Native
    {
        [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int Open(string path, int flags);

        [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
        internal static partial int Fsync(int descriptor);

        [LibraryImport("libc", EntryPoint = "close")]
        internal static partial int Close(int descriptor);
    }
}
