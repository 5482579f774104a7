using SyncHub.Host;
using SyncHub.Host.Commands;
using SyncHub.Host.Configuration;

return args switch
{
    ["healthcheck"] => await HealthProbe.RunAsync(ListenAddress.HealthUrl(Environment.GetEnvironmentVariable)),
    ["healthcheck", var url, ..] => await HealthProbe.RunAsync(url),
    ["help" or "--help" or "-h", ..] => await WriteAsync(HostCommands.Usage),
    ["--version" or "version"] => await WriteAsync(HostCommands.Version),
    [var command, ..] when HostCommands.IsCommand(command) => await HostCommands.RunAsync(args, Console.Out, Console.Error),
    [var word, ..] when HostCommands.LooksLikeCommand(word) => await HostCommands.UnknownAsync(word, Console.Error),
    _ => await SyncHubApp.RunAsync(args),
};

static async Task<int> WriteAsync(string text)
{
    await Console.Out.WriteLineAsync(text);
    return 0;
}
