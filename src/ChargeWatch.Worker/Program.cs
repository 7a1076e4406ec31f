using ChargeWatch.Worker.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.AddChargeWatchLogging();
builder.Services.AddChargeWatchWorker();
// Features add themselves here, one line each (detection, alerting, health).

using var host = builder.Build();
return await host.RunChargeWatchAsync();
