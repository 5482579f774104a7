using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SyncHub.Domain;
using SyncHub.Testing.Storage;

namespace SyncHub.Redis.Tests.Json;

/// <summary>
/// The creation writes a ticket through <see cref="StoreJson.WrittenTicket"/> (source-generated) where every other write
/// and every read use the ticket's contract in <see cref="StoreJson.Options"/>: the two must agree byte for byte, on every
/// property, including the ones a later change to <see cref="Ticket"/> adds.
/// </summary>
public sealed class WrittenTicketTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 9, 30, 15, 123, TimeSpan.FromHours(1));

    [Fact]
    public void Properties_AreThoseOfTheStoredContract_InItsOrder()
    {
        var contract = (JsonTypeInfo<Ticket>)StoreJson.Options.GetTypeInfo(typeof(Ticket));

        var written = typeof(StoreJson.WrittenTicket).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .OrderBy(p => p.MetadataToken)
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name));

        Assert.Equal(contract.Properties.Select(p => p.Name), written);
    }

    [Fact]
    public void Written_EveryPropertySet_GivesTheContractsBytes()
    {
        var ticket = Full();

        AssertSameBytes(ticket);
    }

    [Fact]
    public void Written_DefaultsAndEmptyChecklist_GivesTheContractsBytes()
    {
        var ticket = new Ticket { Id = "t-1", Channel = Channel.Web, Source = "WebForm", ExternalId = "f-1", CreatedAt = At, UpdatedAt = At };

        AssertSameBytes(ticket);
        AssertSameBytes(ticket with { Checklist = InvestigationChecklist.Empty with { } });
    }

    private static void AssertSameBytes(Ticket ticket)
    {
        var json = new StoreJson.Buffer(256);
        try
        {
            var written = json.Ticket(ticket).ToArray();

            Assert.Equal(System.Text.Encoding.UTF8.GetString(StoreJson.WriteTicket(ticket)), System.Text.Encoding.UTF8.GetString(written));
            Assert.Equal(StoreJson.WriteTicket(ticket), StoreJson.WriteTicket(StoreJson.ReadTicket(written)));
        }
        finally
        {
            json.Dispose();
        }
    }

    private static Ticket Full() => new()
    {
        Id = "0190a1b2c3d4",
        Number = 10_042,
        Channel = Channel.Email,
        Source = "Email",
        ExternalId = "<m-1@example.com>",
        ThreadKey = "mail:thread-7",
        ThreadWindow = TimeSpan.FromDays(14),
        Subject = "Export \"fails\" – ação",
        Body = "Line one\nLine <two> & 'three' 😀",
        Requester = new Requester("Ana Souza", "ana@example.com", "+55 11 5555 0100", "@ana"),
        Account = new AccountSnapshot("crm-1", "Acme", "Gold", "Active"),
        Priority = Priority.High,
        Department = Department.PaidSupport,
        Team = "tier-2",
        Assignee = "agent-7",
        Status = TicketStatus.Pending,
        // Every field of the stamp set: the running sample's deadlines, and the rest of its life.
        Sla = SlaSamples.Running(At) with
        {
            FirstRespondedAt = At.AddMinutes(20),
            FirstResponseBreached = true,
            ResolutionBreached = true,
            Paused = true,
            PausedAt = At.AddMinutes(30),
            ResolvedAt = At.AddHours(2),
            FirstResponseWarned = true,
            ResolutionWarned = true,
        },
        ReplyRoute = new ReplyRoute
        {
            EventType = "mail.reply",
            Data = new Dictionary<string, string> { ["to"] = "ana@example.com", ["inReplyTo"] = "<m-1@example.com>" },
            Destination = "e-mail to ana@example.com",
            Setting = "SyncHub:Adapters:Email",
            Until = At.AddDays(30),
        },
        Replies = new Dictionary<string, ReplyDelivery>
        {
            ["r-1"] = new ReplyDelivery
            {
                State = ReplyState.Failed,
                Via = "mail.reply",
                Destination = "e-mail to ana@example.com",
                At = At.AddMinutes(5),
                ToolMessageId = "<r-1@example.com>",
                Reason = "550 mailbox unavailable",
            },
        },
        CustomerReplied = true,
        SolvedAt = At.AddHours(3),
        LinkedTicketId = "0190a1b2c3d0",
        MergedInto = "0190a1b2c3d9",
        Diagnostics = new Dictionary<string, string> { ["clientVersion"] = "6.4.1", ["os"] = "Android 15" },
        Checklist = new InvestigationChecklist
        {
            ProblemRestated = "The export writes no file",
            AffectedUsers = "all of finance",
            Reproducibility = Reproducibility.Intermittent,
            Since = "6.4.0",
            WhatChanged = "the update",
            ClientVersion = "6.4.1",
            ReproducedOnTestSystem = true,
            SolutionTested = true,
        },
        CreatedAt = At,
        UpdatedAt = At.AddHours(3),
        Version = 9,
    };
}
