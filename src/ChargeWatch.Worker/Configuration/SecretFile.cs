namespace ChargeWatch.Worker.Configuration;

/// <summary>Secrets given as a file path (Docker/Kubernetes secrets): the first line, trimmed.</summary>
internal static class SecretFile
{
    public static void Check(OptionsErrors errors, string key, string? path)
    {
        if (!string.IsNullOrWhiteSpace(path) && !File.Exists(path))
        {
            errors.Fail($"{errors.Key(key)} names a file that does not exist (was '{path}')");
        }
    }

    /// <summary>The secret from the file when one is named, else the inline value.</summary>
    public static string? Resolve(string? inline, string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            return inline;
        }
        using var reader = new StreamReader(path);
        return reader.ReadLine()?.Trim();
    }
}
