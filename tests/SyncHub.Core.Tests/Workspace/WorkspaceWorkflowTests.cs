using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SyncHub.Agents;
using SyncHub.Domain;
using SyncHub.Hosting;
using SyncHub.Policies;
using SyncHub.Storage;
using SyncHub.Workflow;
using static SyncHub.Core.Tests.Sla.TestCalendars;

namespace SyncHub.Core.Tests.Workspace;

/// <summary>The workspace actions of <see cref="TicketWorkflow"/> on the in-memory store.</summary>
public sealed class WorkspaceWorkflowTests : IAsyncDisposable
{
    private static readonly Agent Ana = new("ana", "Ana Silva", "ana@example.com", "ana", AgentRole.Agent, [Department.PaidSupport]);
    private static readonly Agent Bruno = new("bruno", "Bruno Costa", null, null, AgentRole.Agent, [Department.PaidSupport]);
    private static readonly Agent Davi = new("davi", "Davi Lima", null, null, AgentRole.Agent, [Department.Community]);

    private readonly FakeTimeProvider clock = new(At("2026-04-20T14:00:00-03:00"));
    private readonly MutableAccountDirectory directory = new();
    private readonly ServiceProvider services;

    public WorkspaceWorkflowTests()
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<TimeProvider>(clock);
        collection.AddSingleton<IAccountDirectory>(directory);
        collection.AddSingleton<IAgentDirectory>(new StaticAgentDirectory([Ana, Bruno, Davi]));
        collection.AddSyncHubCore(new ConfigurationBuilder().Build());
        collection.AddInMemoryStore();
        services = collection.BuildServiceProvider();
    }

    private TicketWorkflow Workflow => services.GetRequiredService<TicketWorkflow>();

    private ITicketStore Store => services.GetRequiredService<ITicketStore>();

    public ValueTask DisposeAsync() => services.DisposeAsync();

    private async Task<Ticket> CreateAsync(AccountSnapshot? account, Priority priority = Priority.Medium)
    {
        var created = At("2026-04-17T15:00:00-03:00");
        var record = new IntakeRecord { Source = "WebForm", ExternalId = Guid.NewGuid().ToString("N"), Channel = Channel.Web, ReceivedAt = created };
        var stamp = services.GetRequiredService<ISlaPolicy>().Stamp(new TicketContext(record, account, created), priority).Value;
        var ticket = new Ticket
        {
            Id = Guid.NewGuid().ToString("N"),
            Channel = Channel.Web,
            Source = "WebForm",
            ExternalId = record.ExternalId,
            Requester = new Requester("Joana", "joana@acme.example"),
            Account = account,
            Priority = priority,
            Department = Department.PaidSupport,
            Sla = stamp,
            CreatedAt = created,
            UpdatedAt = created,
        };
        var result = await Store.CreateAsync(new TicketCreation(ticket, [], [], new HistoryEntry(created, HistoryTypes.Threaded, "")));
        return (await Store.GetAsync(result.TicketId))!;
    }

    [Fact]
    public async Task Assign_ThenReassign_HoldsTheAgentsIdAndRecordsBoth()
    {
        var ticket = await CreateAsync(null);

        await Workflow.AssignAsync(ticket.Id, "Ana Silva", caller: null, by: "service:api-key");
        var result = await Workflow.AssignAsync(ticket.Id, null, caller: Bruno, by: "Bruno Costa");

        Assert.Equal("bruno", result.Ticket!.Assignee);
        var lines = result.Ticket.History.Where(h => h.Type == WorkspaceHistoryTypes.Assigned).Select(h => h.Message).ToList();
        Assert.Equal(["Assigned to Ana Silva (ana) by service:api-key", "Reassigned from Ana Silva (ana) to Bruno Costa (bruno) by Bruno Costa"], lines);
    }

    [Fact]
    public async Task Assign_AgentOfAnotherDepartmentOrServiceItself_IsRefusedNamingAssignee()
    {
        var ticket = await CreateAsync(null);

        var other = await Workflow.AssignAsync(ticket.Id, "davi", caller: null, by: "service:api-key");
        var itself = await Workflow.AssignAsync(ticket.Id, null, caller: null, by: "service:api-key");
        var unknown = await Workflow.AssignAsync(ticket.Id, "zoe", caller: null, by: "service:api-key");

        Assert.All([other, itself, unknown], r => Assert.Equal(("assignee", WorkflowError.Invalid), (r.Field, r.Error!.Value)));
        Assert.Contains("does not serve department PaidSupport", other.Detail, StringComparison.Ordinal);
        Assert.Null((await Store.GetAsync(ticket.Id))!.Assignee);
    }

    [Fact]
    public async Task Unassign_RecordsWhoWasAssigned()
    {
        var ticket = await CreateAsync(null);
        await Workflow.AssignAsync(ticket.Id, "ana", caller: null, by: "Bruno Costa");

        var result = await Workflow.UnassignAsync(ticket.Id, "Bruno Costa");

        Assert.Null(result.Ticket!.Assignee);
        Assert.Equal("Unassigned (was Ana Silva (ana)) by Bruno Costa", result.Ticket.History[^1].Message);
    }

    [Fact]
    public async Task ChangePriority_RestampsAndExplainsWithTheRowTheDueInstantAndWhy()
    {
        var ticket = await CreateAsync(new AccountSnapshot("crm-42", "Acme Ltd", "Pro", "Active"));

        var result = await Workflow.ChangePriorityAsync(ticket.Id, Priority.Low, "Ana Silva", "key-1");
        var again = await Workflow.ChangePriorityAsync(ticket.Id, Priority.High, "Ana Silva", "key-1");

        Assert.Equal(Priority.Low, again.Ticket!.Priority);
        Assert.Equal(At("2026-04-24T15:00:00-03:00"), result.Ticket!.Sla!.FirstResponseDueAt);
        var entry = Assert.Single(again.Ticket.History, h => h.Type == WorkspaceHistoryTypes.Edited);
        Assert.StartsWith("Priority Medium → Low by Ana Silva. SLA pro-low from 2026-04-17 18:00 UTC on the support clock: first response due 2026-04-24 18:00 UTC", entry.Message, StringComparison.Ordinal);
        Assert.Equal("pro-medium", entry.Data!["previousPolicy"]);
        Assert.Equal("2026-04-24T18:00:00.0000000Z", entry.Data["firstResponseDueAt"]);
        Assert.Equal("Ana Silva", entry.Data["by"]);
    }

    [Fact]
    public async Task RefreshAccount_ChangedPlan_ReplacesTheSnapshotAndRestamps()
    {
        var ticket = await CreateAsync(new AccountSnapshot("crm-42", "Acme Ltd", "Pro", "Active"));
        directory.Account = new AccountSnapshot("crm-42", "Acme Ltd", "Gold", "Active");

        var result = await Workflow.RefreshAccountAsync(ticket.Id, "Ana Silva");

        Assert.Equal("Gold", result.Ticket!.Account!.Plan);
        Assert.Equal("gold-medium", result.Ticket.Sla!.Policy);
        // gold-medium: 6 working hours from Friday 15:00: Friday 5 h, Monday 08:00 + 1 h.
        Assert.Equal(At("2026-04-20T09:00:00-03:00"), result.Ticket.Sla.FirstResponseDueAt);
        Assert.Contains("plan Pro, status Active → Acme Ltd (CRM crm-42), plan Gold", result.Ticket.History[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefreshAccount_Unchanged_SaysSoAndKeepsTheSla()
    {
        var account = new AccountSnapshot("crm-42", "Acme Ltd", "Pro", "Active");
        var ticket = await CreateAsync(account);
        directory.Account = account;

        var result = await Workflow.RefreshAccountAsync(ticket.Id, "Ana Silva");

        Assert.Equal(ticket.Sla, result.Ticket!.Sla);
        Assert.EndsWith("unchanged (Acme Ltd (CRM crm-42), plan Pro, status Active); SLA unchanged", result.Ticket.History[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeDepartment_MovesItAndExplainsTheSla()
    {
        var ticket = await CreateAsync(new AccountSnapshot("crm-42", "Acme Ltd", "Pro", "Active"));

        var result = await Workflow.ChangeDepartmentAsync(ticket.Id, Department.Trials, "Ana Silva");

        Assert.Equal(Department.Trials, result.Ticket!.Department);
        Assert.StartsWith("Department PaidSupport → Trials by Ana Silva. SLA pro-medium", result.Ticket.History[^1].Message, StringComparison.Ordinal);
        Assert.Equal(ticket.Sla!.FirstResponseDueAt, result.Ticket.Sla!.FirstResponseDueAt);
    }

    private sealed class MutableAccountDirectory : IAccountDirectory
    {
        public AccountSnapshot? Account { get; set; }

        public Task<AccountSnapshot?> FindAsync(Requester requester, CancellationToken cancellationToken = default) => Task.FromResult(Account);
    }
}
