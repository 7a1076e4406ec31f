using ChargeWatch.Simulator.Cli;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("chargewatch-sim");
    config.AddCommand<RunCommand>("run").WithDescription("Publish a scenario to an MQTT broker").WithExample("run", "demo", "--speed", "60");
    config.AddCommand<ListCommand>("list").WithDescription("List the shipped scenarios");
    config.AddCommand<ValidateCommand>("validate").WithDescription("Check scenario files (file:line: what is wrong)");
    config.AddCommand<RecordCommand>("record").WithDescription("Record topics and payloads from a broker to JSONL (.gz optional)");
    config.AddCommand<ReplayCommand>("replay").WithDescription("Publish a recording at any speed, optionally shifted to now");
    config.AddCommand<LoadCommand>("load").WithDescription("Publish pile readings at a precise rate and report the achieved rate");
    config.AddCommand<WebhookCommand>("webhook").WithDescription("Receive Alertmanager webhook notifications and print them, as a team's receiver would");
    config.AddCommand<ScoreCommand>("score").WithDescription("Per-rule precision, recall and detection delay of received alerts against a truth file");
});
return await app.RunAsync(args);
