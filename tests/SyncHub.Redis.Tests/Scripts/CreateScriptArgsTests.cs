using System.Globalization;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using SyncHub.Adapters;
using SyncHub.Domain;
using SyncHub.Redis.Scripts;
using SyncHub.Reviews;
using SyncHub.Storage;
using SyncHub.Testing.Storage;

namespace SyncHub.Redis.Tests.Scripts;

/// <summary>
/// The creation arguments are written into a pooled buffer and their index operations laid out compactly: the bytes
/// create.lua receives must be those the plain serializer (<see cref="StoreJson"/>) gives, and the sets and tokens those
/// <see cref="TicketMemberships.Diff"/> adds, or stored tickets and indexes would change shape.
/// </summary>
public sealed class CreateScriptArgsTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 10, 13, 0, 0, TimeSpan.Zero);
    private static readonly SampleRecords Samples = new(new FakeTimeProvider(Start));

    private static readonly Dictionary<string, Func<TicketCreation>> Creations = new()
    {
        ["plain"] = () => Samples.Creation(),
        ["threaded, SLA, window"] = () => Samples.Creation(
            threadKey: ThreadKeys.ForTicket(10001), sla: SlaSamples.Running(Start), threadWindow: TimeSpan.FromHours(1)),

        // Escaped to six bytes a character, the body outgrows the buffer's first array twice over.
        ["long escaped body"] = () => Samples.Creation(
            threadKey: "mail:thread-7", body: string.Concat(Enumerable.Repeat("Ação \"falhou\"\n", 4_000)), department: Department.PaidSupport),

        // An event written with its ticket that names the number in its texts.
        ["numbered follow-up"] = NumberedFollowUp,
    };

    public static TheoryData<string> Names() => [.. Creations.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Build_SendsTheBytesOfThePlainSerializerAndTheMembershipDiff(string name)
    {
        var creation = Creations[name]();

        var argv = CreateScriptArgs.Build("p:", creation, out var json);
        try
        {
            AssertSameArguments(creation, argv);
        }
        finally
        {
            json.Dispose();
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Build_CompressingFrom_SendsTheStoredFormWithTheSameArgumentsAfterIt(string name)
    {
        var creation = Creations[name]();
        var plain = CreateScriptArgs.Build("p:", creation);

        var argv = CreateScriptArgs.Build("p:", creation, out var json, compressFrom: 64);
        try
        {
            // The ticket reads back the same from its compressed form, the creation's entries are one element that
            // expands to all of them, the threaded entry stays plain, and every argument after the history is unchanged.
            var ticket = (byte[])argv[CreateScriptArgs.TicketJson - 1]!;
            Assert.Equal(StoredForm.Marker, ticket[0]);
            Assert.Equal(StoreJson.WriteTicket(creation.Ticket), StoreJson.WriteTicket(StoredForm.ReadTicket(ticket)));
            Assert.Equal(plain[CreateScriptArgs.ThreadedEntry - 1], argv[CreateScriptArgs.ThreadedEntry - 1]);
            var history = (byte[])argv[CreateScriptArgs.History - 1]!;
            Assert.Equal(StoredForm.Marker, history[0]);
            Assert.Equal(creation.History.Select(StoreJson.WriteEntry), StoredForm.ReadHistory([history]).Select(StoreJson.WriteEntry));
            Assert.Equal(plain.Length, argv.Length);
            Assert.Equal(plain[(CreateScriptArgs.OutboxAt - 1)..].Select(v => v.ToString()), argv[(CreateScriptArgs.OutboxAt - 1)..].Select(v => v.ToString()));
        }
        finally
        {
            json.Dispose();
        }
    }

    [Fact]
    public void Build_WithoutABuffer_GivesArgumentsThatOutliveTheNextBuild()
    {
        var creation = Creations["long escaped body"]();

        var argv = CreateScriptArgs.Build("p:", creation);
        for (var i = 0; i < 3; i++)
        {
            CreateScriptArgs.Build("p:", creation, out var other);
            other.Dispose();
        }

        AssertSameArguments(creation, argv);
    }

    [Fact]
    public void Build_ManyTicketsOneAfterAnother_EachSendsEveryTokenOfItsOwnOnce()
    {
        // The tokens are remembered from one creation to the next (and forgotten past a few thousand): tickets that share
        // words, built in turn and again, must each still send all of theirs.
        var creations = Enumerable.Range(0, 12)
            .Select(k => Samples.Creation(body: "export Export " + string.Join(' ', Enumerable.Range(k * 300, 600).Select(w => $"w{w}"))))
            .ToList();

        foreach (var creation in creations.Concat(creations))
        {
            var argv = CreateScriptArgs.Build("p:", creation, out var json);
            try
            {
                AssertSameArguments(creation, argv);
            }
            finally
            {
                json.Dispose();
            }
        }
    }

    [Fact]
    public void NumberPlaceholder_AsTheEventJsonWritesIt_IsTheOneCreateLuaReplaces()
    {
        var evt = new OutboxEvent
        {
            Id = "t1:call-follow-up",
            Type = MailEvents.FollowUp,
            TicketId = "t1",
            CreatedAt = Start,
            Data = new Dictionary<string, string> { ["body"] = $"ticket #{TicketCreation.NumberPlaceholder}." },
        };

        var (head, tail) = StoreJson.EventAwaitingNumber(evt);

        var json = System.Text.Encoding.UTF8.GetString([.. head.Span, .. tail.Span]);
        Assert.Contains($"\"ticket #{StoreJson.NumberPlaceholderJson}.\"", json, StringComparison.Ordinal);
        Assert.Equal("#\\u0001#", StoreJson.NumberPlaceholderJson);
        var lua = RedisScripts.Read("create");
        Assert.Contains("local numberPlaceholder = '" + StoreJson.NumberPlaceholderJson.Replace("\\", "\\\\", StringComparison.Ordinal) + "'\n", lua, StringComparison.Ordinal);
    }

    private static TicketCreation NumberedFollowUp()
    {
        var creation = Samples.Creation();
        var mail = new OutboxEvent
        {
            Id = $"{creation.Ticket.Id}:call-follow-up",
            Type = MailEvents.FollowUp,
            TicketId = creation.Ticket.Id,
            CreatedAt = Start,
            Data = new Dictionary<string, string> { ["body"] = $"Ticket #{TicketCreation.NumberPlaceholder}, [#{TicketCreation.NumberPlaceholder}]" },
        };
        return creation with { Outbox = [.. creation.Outbox, mail] };
    }

    [Fact]
    public void Build_WithAReviewSignal_EndsWithItsKeysMemberSuffixInstantWindowThresholdAndMost()
    {
        var creation = new SampleRecords(new FakeTimeProvider(Start)).Creation() with
        {
            Signal = new SignalRecording("gp:{app}|4.2.0|crash", "4.2.0", Start.AddMinutes(-5), TimeSpan.FromHours(1), 3),
        };

        var argv = CreateScriptArgs.Build("p:", creation);

        AssertSameArguments(creation, argv);
        Assert.Equal(
            ["p:reviews:{gp:(app)|4.2.0|crash}:seen", "p:reviews:{gp:(app)|4.2.0|crash}:frequent", "|4.2.0",
                Start.AddMinutes(-5).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), "3600000", "3", "50"],
            argv[^7..].Select(v => (string)v!));
    }

    private static void AssertSameArguments(TicketCreation creation, RedisValue[] argv)
    {
        var ticket = creation.Ticket;
        AssertBytes(RedisTicketStore.IdempotencyField(ticket.Source, ticket.ExternalId), argv, CreateScriptArgs.IdempotencyField);
        AssertBytes(StoreJson.WriteTicket(ticket), argv, CreateScriptArgs.TicketJson);
        AssertBytes(StoreJson.WriteInstant(ticket.UpdatedAt), argv, CreateScriptArgs.UpdatedAt);
        if (ticket.ThreadKey is not null)
        {
            AssertBytes(StoreJson.WriteEntry(creation.ThreadedEntry), argv, CreateScriptArgs.ThreadedEntry);
            AssertBytes(StoreJson.WriteInstant(creation.ThreadedEntry.At), argv, CreateScriptArgs.ThreadedAt);
        }

        if (ticket.ThreadWindow is { } window)
        {
            AssertBytes(StoreJson.WriteInstant(ticket.CreatedAt - window), argv, CreateScriptArgs.WindowStart);
        }

        // The creation's entries as one plain JSON array, each entry's bytes those of the plain serializer.
        var history = (byte[])argv[CreateScriptArgs.History - 1]!;
        Assert.Equal((byte)'[', history[0]);
        Assert.Equal(creation.History.Select(StoreJson.WriteEntry), StoredForm.ReadHistory([history]).Select(StoreJson.WriteEntry));
        Assert.Equal(
            Encoding.UTF8.GetBytes("[" + string.Join(',', creation.History.Select(e => Encoding.UTF8.GetString(StoreJson.WriteEntry(e)))) + "]"),
            history);
        var position = CreateScriptArgs.OutboxAt;

        AssertBytes(creation.Outbox.Count, argv, position++);
        foreach (var evt in creation.Outbox)
        {
            var (head, tail) = StoreJson.EventAwaitingNumber(evt);
            AssertBytes(evt.Type, argv, position++);
            AssertBytes(head, argv, position++);
            AssertBytes(tail, argv, position++);
        }

        // The sets as key and score pairs, then the tokens in one argument: what the plain diff from no ticket adds.
        var ops = TicketMemberships.Diff(null, ticket);
        var sets = ops.Where(op => op.Op == TicketMemberships.OpAddZ).ToList();
        Assert.Equal(ops.Count, sets.Count + ops.Count(op => op.Op == TicketMemberships.OpAddToken));
        AssertBytes(sets.Count, argv, position++);
        foreach (var (_, key, score) in sets)
        {
            AssertBytes(key, argv, position++);
            AssertBytes(score, argv, position++);
        }

        var tokens = ((string?)argv[position++ - 1])!.Split(' ');
        var expectedTokens = ops.Where(op => op.Op == TicketMemberships.OpAddToken).Select(op => op.Key).ToList();
        Assert.NotEmpty(expectedTokens);
        Assert.Equal(expectedTokens.Order(StringComparer.Ordinal), tokens.Order(StringComparer.Ordinal)); // each once
        position++; // the sort:updated score of a threaded follow-up's parent
        if (creation.Signal is null)
        {
            AssertBytes(RedisValue.EmptyString, argv, position);
            Assert.Equal(argv.Length, position);
        }
    }

    private static void AssertBytes(RedisValue expected, RedisValue[] argv, int position) =>
        Assert.Equal((byte[]?)expected, (byte[]?)argv[position - 1]);
}
