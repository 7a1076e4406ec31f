using ChargeWatch.Worker.Detection;
using ChargeWatch.Worker.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.AddChargeWatchLogging();
builder.Services.AddChargeWatchWorker();
// Features add themselves here, one line each (detection, alerting, health).
builder.Services.AddChargeWatchDetection();

using var host = builder.Build();
return await host.RunChargeWatchAsync();
