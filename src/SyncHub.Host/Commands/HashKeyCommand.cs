using SyncHub.Host.Auth;

namespace SyncHub.Host.Commands;

/// <summary>
/// <c>synchub hash-key [--key KEY|-]</c>: prints a new random key (32 random bytes, base64url) and its <c>sha256:</c> hash,
/// ready to paste as <c>SyncHub:Agents:&lt;id&gt;:KeyHash</c> (or <c>SyncHub:Api:Services:&lt;name&gt;:KeyHash</c>); with
/// <c>--key</c>, the hash of an existing key (<c>-</c> reads it from the standard input, out of the shell's history).
/// Reads no configuration and starts nothing.
/// </summary>
internal static class HashKeyCommand
{
    public const string Name = "hash-key";

    private const string KeyOption = "--key";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TextReader input)
    {
        var arguments = CommandArguments.Parse(args, [KeyOption], out var usage);
        if (usage is not null || arguments.Positional.Count > 0 || arguments.HostArgs.Count > 0)
        {
            await error.WriteLineAsync($"{usage ?? $"unexpected {(arguments.Positional.Count > 0 ? arguments.Positional[0] : arguments.HostArgs[0])}"}\n{HostCommands.Usage}");
            return 2;
        }

        var given = arguments.Option(KeyOption);
        if (given == "-")
        {
            given = (await input.ReadLineAsync())?.Trim();
        }

        if (given is not null)
        {
            if (given.Trim().Length < 8)
            {
                await error.WriteLineAsync($"{KeyOption}: a key needs at least 8 characters");
                return 2;
            }

            await output.WriteLineAsync($"KeyHash: {KeyHash.Of(given.Trim())}");
            return 0;
        }

        var key = KeyHash.NewKey();
        await output.WriteLineAsync($"key: {key}");
        await output.WriteLineAsync($"KeyHash: {KeyHash.Of(key)}");
        await output.WriteLineAsync("Give the key to its owner (it is not stored anywhere); configure only the hash, e.g. SyncHub:Agents:<id>:KeyHash.");
        return 0;
    }
}
