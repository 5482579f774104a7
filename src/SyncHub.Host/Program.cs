using SyncHub.Host;
using SyncHub.Host.Commands;

return args switch
{
    ["healthcheck", ..] => await HealthProbe.RunAsync(args.Length > 1 ? args[1] : "http://127.0.0.1:8080/health/ready"),
    ["help" or "--help" or "-h"] => await HelpAsync(),
    [var command, ..] when HostCommands.IsCommand(command) => await HostCommands.RunAsync(args, Console.Out, Console.Error),
    _ => await SyncHubApp.RunAsync(args),
};

static async Task<int> HelpAsync()
{
    await Console.Out.WriteLineAsync(HostCommands.Usage);
    return 0;
}
