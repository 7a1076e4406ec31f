using ChargeWatch.LoadTest;

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    await Console.Error.WriteLineAsync(e.Message + Environment.NewLine + LoadOptions.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
var result = await new LoadRun(options).RunAsync(cancel.Token);
Console.WriteLine(LoadReport.Markdown(result));
// Non-zero when the run lost data, so scripts can tell.
return result.Lost == 0 && result.PublishFailed == 0 ? 0 : 1;
