using ChargeWatch.Worker.Alerting;
using ChargeWatch.Worker.Cutoff;
using ChargeWatch.Worker.Detection;
using ChargeWatch.Worker.Hosting;

if (RestoreCommandLine.TryRun(args, out var restoreExitCode))
{
    return restoreExitCode;
}

var builder = Host.CreateApplicationBuilder(args);
builder.AddChargeWatchLogging();
builder.Services.AddChargeWatchWorker();
// Features add themselves here, one line each (detection, alerting, health).
builder.Services.AddChargeWatchDetection();
builder.Services.AddChargeWatchAlerting();

using var host = builder.Build();
return await host.RunChargeWatchAsync();
