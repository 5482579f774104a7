using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using SyncHub.Adapters;
using SyncHub.Domain;
using SyncHub.Redis.Scripts;
using SyncHub.Storage;
using SyncHub.Testing.Storage;

namespace SyncHub.Redis.Tests.Scripts;

/// <summary>
/// The embedded Lua scripts and their argument builders, without a server: every script loads, and for each one the
/// header of its .lua file, its <c>local name = ARGV[n]</c> lines and the position constants of its builder name the
/// same arguments at the same positions, so an argument moved on one side only fails here.
/// </summary>
public sealed partial class RedisScriptsTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 10, 13, 0, 0, TimeSpan.Zero);
    private static readonly SampleRecords Samples = new(new FakeTimeProvider(Start));

    /// <summary>Each script's builder, and a call of it with sample values.</summary>
    private static readonly Dictionary<string, (Type Builder, Func<RedisValue[]> Sample)> Builders = new()
    {
        ["create"] = (typeof(CreateScriptArgs), () => CreateScriptArgs.Build("p:", Samples.Creation(
            threadKey: ThreadKeys.ForTicket(10001), sla: SlaSamples.Running(Start), threadWindow: TimeSpan.FromHours(1)))),
        ["get"] = (typeof(GetScriptArgs), () => GetScriptArgs.Build("p:", "", 10001)),
        ["list"] = (typeof(ListScriptArgs), () => ListScriptArgs.Build("p:", 10005, 20, 10_000, ["status:Open", "!breached"])),
        ["update"] = (typeof(UpdateScriptArgs), SampleUpdate),
        ["search"] = (typeof(SearchScriptArgs), () => SearchScriptArgs.Build("p:", "sort:due", (1_741_613_400_000, 10005), 20, 10_000, [("z", ["index:unassigned"]), ("w", ["expo", ""])])),
        ["merge"] = (typeof(MergeScriptArgs), SampleMerge),
        ["due"] = (typeof(DueScriptArgs), () => DueScriptArgs.Build("p:", 1_741_613_400_000, 100)),
        ["accounts-upsert"] = (typeof(AccountsUpsertScriptArgs), () => AccountsUpsertScriptArgs.Build(
            "p:",
            [new UpsertRecord("acc-1", 1, [1], [2], ["domain:acme.com", "phone:+551133334444"])],
            [new UpsertRecord("con-1", 1, null, [3], ["email:lee@acme.com"])])),
        ["accounts-remove"] = (typeof(AccountsRemoveScriptArgs), () => AccountsRemoveScriptArgs.Build("p:", ["acc-1", "acc-2"], ["con-1"])),
        ["accounts-find"] = (typeof(AccountsFindScriptArgs), () => AccountsFindScriptArgs.Build("p:", "lee@acme.com", "acme.com", null)),
        ["lease-acquire"] = (typeof(LeaseAcquireScriptArgs), () => LeaseAcquireScriptArgs.Build("p:", "poller:Email", "hub-a", 15_000)),
        ["lease-renew"] = (typeof(LeaseRenewScriptArgs), () => LeaseRenewScriptArgs.Build("p:", "poller:Email", "7:hub-a", 15_000)),
        ["lease-release"] = (typeof(LeaseReleaseScriptArgs), () => LeaseReleaseScriptArgs.Build("p:", "poller:Email", "7:hub-a")),
        ["checkpoint-commit"] = (typeof(CheckpointCommitScriptArgs), () => CheckpointCommitScriptArgs.Build("p:", "Email", "uid-9", 7)),
        ["outbox-claim"] = (typeof(OutboxClaimScriptArgs), () => OutboxClaimScriptArgs.Build("p:outbox", "notifier:Email", "hub-a", 30_000, 10)),
        ["outbox-trim"] = (typeof(OutboxTrimScriptArgs), () => OutboxTrimScriptArgs.Build("p:outbox")),
        ["review-signal"] = (typeof(ReviewSignalScriptArgs), () => ReviewSignalScriptArgs.Build("10001|4.2.0", 1_741_613_400_000, 86_400_000, 3, 50)),
    };

    public static TheoryData<string> ScriptNames()
    {
        var names = new TheoryData<string>();
        foreach (var script in RedisScripts.All)
        {
            names.Add(script.Name);
        }

        return names;
    }

    public static TheoryData<string> FragmentNames()
    {
        var names = new TheoryData<string>();
        foreach (var fragment in RedisScripts.Fragments)
        {
            names.Add(fragment);
        }

        return names;
    }

    [Fact]
    public void All_EveryDeclaredScript_LoadsNonEmptyWithItsOwnFile()
    {
        Assert.Equal(RedisScripts.All.Count, RedisScripts.All.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(RedisScripts.All, script =>
        {
            Assert.False(string.IsNullOrWhiteSpace(script.Text), script.Name);
            Assert.EndsWith(RedisScripts.Read(script.Name), script.Text, StringComparison.Ordinal);
            Assert.Equal(20, script.Hash.Length);
        });
    }

    [Fact]
    public void EmbeddedLuaFiles_EachIsAScriptOrAFragment()
    {
        var embedded = typeof(RedisScripts).Assembly.GetManifestResourceNames().Where(n => n.EndsWith(".lua", StringComparison.Ordinal));

        var declared = RedisScripts.All.Select(s => s.Name).Concat(RedisScripts.Fragments).Select(RedisScripts.ResourceName);
        Assert.Equal(declared.Order(StringComparer.Ordinal), embedded.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Read_FileNotEmbedded_ThrowsNamingIt()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => RedisScripts.Read("no-such-script"));

        Assert.Contains("no-such-script.lua", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Builders_EveryScript_HasOne()
    {
        Assert.Equal(RedisScripts.All.Select(s => s.Name).Order(StringComparer.Ordinal), Builders.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ScriptNames))]
    public void Argv_HeaderLocalsAndBuilder_NameTheSamePositions(string script)
    {
        var builder = Builders[script].Builder;
        var lua = RedisScripts.Read(script);
        var (argvHeader, keysHeader) = Header(lua, builder);

        var positions = Positions(builder);
        Assert.Equal(Enumerable.Range(1, positions.Count), positions.Select(p => p.Position));
        Assert.Equal(Describe(positions), Describe(ArgvLocals(lua)));
        Assert.Equal(Describe(positions), Describe(argvHeader));

        var keys = KeyParameters(builder);
        Assert.Equal(Describe(keys), Describe(KeysLocals(lua)));
        Assert.Equal(Describe(keys), Describe(keysHeader));
    }

    [Theory]
    [MemberData(nameof(ScriptNames))]
    public void Lua_NumberedArgvOrKeys_OnlyInTheNamedLocals(string script)
    {
        var lua = RedisScripts.Read(script);

        var code = Code(lua).Where(line => !ArgvLocal().IsMatch(line) && !KeysLocal().IsMatch(line));

        Assert.DoesNotContain(code, line => NumberedArgument().IsMatch(line));
    }

    [Theory]
    [MemberData(nameof(FragmentNames))]
    public void Fragment_ReadsNoNumberedArgument(string fragment)
    {
        Assert.DoesNotContain(Code(RedisScripts.Read(fragment)), line => NumberedArgument().IsMatch(line));
    }

    [Theory]
    [MemberData(nameof(ScriptNames))]
    public void Build_SampleValues_FillsEveryPosition(string script)
    {
        var (builder, sample) = Builders[script];

        var args = sample();

        Assert.True(args.Length >= Positions(builder).Count, $"{args.Length} arguments");
        Assert.DoesNotContain(args, a => a.IsNull);
    }

    [Fact]
    public void SlaSets_Fragment_NamesTheSetsOfTicketIndexesInKindOrder()
    {
        var match = SlaSetsTable().Match(RedisScripts.Read("sla-sets"));

        Assert.True(match.Success);
        var sets = match.Groups[1].Value.Split(',').Select(s => s.Trim().Trim('\''));
        Assert.Equal(TicketIndexes.SlaSets, sets);
        Assert.Equal(Enum.GetValues<SlaDeadlineKind>().Length, TicketIndexes.SlaSets.Count);
    }

    private static RedisValue[] SampleMerge()
    {
        var survivor = Samples.Creation(sla: SlaSamples.Running(Start)).Ticket with { Number = 10001 };
        var duplicate = Samples.Creation(threadKey: "thread-2").Ticket with { Number = 10002, History = [Samples.Note("first")] };
        return MergeScriptArgs.Build("p:", duplicate, survivor, SyncHub.Workflow.TicketMerger.Build(duplicate, survivor, "Ana", Start) with { ActionKey = "k-1" });
    }

    private static RedisValue[] SampleUpdate()
    {
        var current = Samples.Creation(sla: SlaSamples.Running(Start)).Ticket with { Number = 10001 };
        var stored = current with { Status = TicketStatus.Pending, Version = current.Version + 1 };
        return UpdateScriptArgs.Build("p:", current, stored, new TicketChange(stored, [Samples.Note("waiting")], [Samples.Updated(current, "pending")]));
    }

    /// <summary>The builder's position constants, as (position, name with a lower-case first letter: the Lua local).</summary>
    private static List<(int Position, string Name)> Positions(Type builder) =>
    [
        .. builder.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(int))
            .Select(f => ((int)f.GetRawConstantValue()!, LuaName(f.Name)))
            .OrderBy(p => p.Item1),
    ];

    /// <summary>The parameters of the builder's <c>Keys</c> method, in KEYS order; none when it has none.</summary>
    private static List<(int Position, string Name)> KeyParameters(Type builder) =>
        builder.GetMethod("Keys", BindingFlags.Public | BindingFlags.Static) is { } keys
            ? [.. keys.GetParameters().Select((p, i) => (i + 1, p.Name!))]
            : [];

    private static List<(int Position, string Name)> ArgvLocals(string lua) =>
    [
        .. ArgvLocal().Matches(lua).Concat(TailLocal().Matches(lua))
            .Select(m => (int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), m.Groups[1].Value))
            .OrderBy(p => p.Item1),
    ];

    private static List<(int Position, string Name)> KeysLocals(string lua) =>
        [.. KeysLocal().Matches(lua).Select(m => (int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), m.Groups[1].Value))];

    /// <summary>
    /// The ARGV and KEYS entries (<c>--   3  id   ...</c>) of the comment header that starts the file, whose section
    /// lines name the builder (<c>-- ARGV (GetScriptArgs):</c>, <c>-- KEYS (ReviewSignalScriptArgs.Keys):</c>).
    /// </summary>
    private static (List<(int Position, string Name)> Argv, List<(int Position, string Name)> Keys) Header(string lua, Type builder)
    {
        List<(int, string)> argv = [];
        List<(int, string)> keys = [];
        List<(int, string)>? section = null;
        foreach (var line in lua.Split('\n').TakeWhile(l => l.StartsWith("--", StringComparison.Ordinal)))
        {
            if (line.StartsWith("-- ARGV", StringComparison.Ordinal) || line.StartsWith("-- KEYS", StringComparison.Ordinal))
            {
                var isArgv = line.StartsWith("-- ARGV", StringComparison.Ordinal);
                Assert.Equal(isArgv ? $"-- ARGV ({builder.Name}):" : $"-- KEYS ({builder.Name}.Keys):", line.TrimEnd());
                section = isArgv ? argv : keys;
            }
            else if (section is not null && HeaderEntry().Match(line) is { Success: true } entry)
            {
                section.Add((int.Parse(entry.Groups[1].Value, CultureInfo.InvariantCulture), entry.Groups[2].Value));
            }
        }

        Assert.NotEmpty(argv);
        return (argv, keys);
    }

    /// <summary>The lines that are not comments.</summary>
    private static IEnumerable<string> Code(string lua) =>
        lua.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal));

    private static string LuaName(string constant) => char.ToLowerInvariant(constant[0]) + constant[1..];

    private static List<string> Describe(IEnumerable<(int Position, string Name)> entries) =>
        [.. entries.Select(e => $"{e.Position.ToString(CultureInfo.InvariantCulture)} {e.Name}")];

    [GeneratedRegex(@"^local (\w+) = (?:tonumber\()?ARGV\[(\d+)\]\)?\r?$", RegexOptions.Multiline)]
    private static partial Regex ArgvLocal();

    /// <summary>Where a variable part of ARGV starts: <c>local historyAt = 22</c>.</summary>
    [GeneratedRegex(@"^local (\w+At) = (\d+)\r?$", RegexOptions.Multiline)]
    private static partial Regex TailLocal();

    [GeneratedRegex(@"^local (\w+) = KEYS\[(\d+)\]\r?$", RegexOptions.Multiline)]
    private static partial Regex KeysLocal();

    [GeneratedRegex(@"^--\s+(\d+)\s+(\w+)")]
    private static partial Regex HeaderEntry();

    [GeneratedRegex(@"\b(?:ARGV|KEYS)\[\s*\d")]
    private static partial Regex NumberedArgument();

    [GeneratedRegex(@"local slaSets = \{([^}]*)\}")]
    private static partial Regex SlaSetsTable();
}
