using SyncHub.Agents;
using SyncHub.Domain;
using SyncHub.Policies;
using SyncHub.Workflow;

namespace SyncHub.Core.Tests.Workspace;

/// <summary>The pure parts of the workspace: the round-robin's order, the canned-answer renderer, the checklist update.</summary>
public sealed class WorkspaceRulesTests
{
    private static readonly Agent Ana = new("ana", "Ana Silva", "ana@example.com", "ana", AgentRole.Agent, [Department.PaidSupport]);
    private static readonly Agent Bruno = new("bruno", "Bruno Costa", null, null, AgentRole.Agent, [Department.PaidSupport, Department.Trials]);
    private static readonly Agent Carla = new("carla", "Carla Dias", null, null, AgentRole.Admin, []);
    private static readonly Agent Davi = new("davi", "Davi Lima", null, null, AgentRole.Agent, [Department.Community]);

    private static Ticket Ticket(Requester requester, AccountSnapshot? account = null) => new()
    {
        Id = "t1",
        Number = 10423,
        Channel = Channel.Email,
        Source = "Email",
        ExternalId = "m1",
        Requester = requester,
        Account = account,
        CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void RoundRobin_TakesTheAvailableAgentsOfTheDepartmentInTurn()
    {
        var available = new HashSet<string>(["carla", "ana", "davi", "bruno"], StringComparer.OrdinalIgnoreCase);
        var candidates = RoundRobinAssignment.Candidates([Davi, Carla, Bruno, Ana], available, Department.PaidSupport);

        // Davi serves Community only; Carla (no departments) serves every department.
        Assert.Equal(["ana", "bruno", "carla"], candidates.Select(a => a.Id));
        Assert.Equal(["ana", "bruno", "carla", "ana", "bruno"], Enumerable.Range(1, 5).Select(turn => RoundRobinAssignment.Choose(candidates, turn)!.Id));
    }

    [Fact]
    public void RoundRobin_AnAgentNotAvailable_IsSkippedAndNoCandidateChoosesNobody()
    {
        var candidates = RoundRobinAssignment.Candidates([Ana, Bruno, Davi], new HashSet<string>(["bruno", "davi"]), Department.Trials);

        Assert.Equal(["bruno"], candidates.Select(a => a.Id));
        Assert.Null(RoundRobinAssignment.Choose(RoundRobinAssignment.Candidates([Ana, Bruno], new HashSet<string>(), Department.PaidSupport), 1));
    }

    [Fact]
    public void Render_FillsTheKnownPlaceholders()
    {
        var ticket = Ticket(new Requester("Joana Prado", "joana@acme.example"));

        var rendered = CannedAnswerRenderer.Render("Hello {{requester.name}}, about #{{ ticket.number }}: done. {{agent.name}}", ticket, "Ana Silva");

        Assert.Equal("Hello Joana Prado, about #10423: done. Ana Silva", rendered.Text);
        Assert.Empty(rendered.Unfilled);
    }

    [Fact]
    public void Render_UnknownPlaceholderAndNoAgent_AreLeftAsWrittenAndNamed()
    {
        var ticket = Ticket(new Requester(null, "x@acme.example"), new AccountSnapshot("1", "Acme Ltd", "Pro", "Active"));

        var rendered = CannedAnswerRenderer.Render("Hi {{requester.name}}, {{customer.plan}} {{agent.name}} {{customer.plan}}", ticket, agentName: null);

        Assert.Equal("Hi Acme Ltd, {{customer.plan}} {{agent.name}} {{customer.plan}}", rendered.Text);
        Assert.Equal(["customer.plan", "agent.name"], rendered.Unfilled);
    }

    [Fact]
    public void Checklist_PartialUpdate_ChangesOnlyTheGivenFieldsAndNamesThem()
    {
        var before = InvestigationChecklist.Empty with { ProblemRestated = "Login fails", AffectedUsers = "all of sales" };

        var (after, changed) = new ChecklistUpdate { AffectedUsers = "", Reproducibility = Reproducibility.Intermittent, SolutionTested = true, ProblemRestated = "Login fails" }.ApplyTo(before);

        Assert.Equal("Login fails", after.ProblemRestated);
        Assert.Null(after.AffectedUsers);
        Assert.Equal(Reproducibility.Intermittent, after.Reproducibility);
        Assert.True(after.SolutionTested);
        Assert.False(after.ReproducedOnTestSystem);
        Assert.Equal(["affected users cleared", "reproducibility Intermittent", "solution tested"], changed);
    }

    [Theory]
    [InlineData("problemRestated", 2001)]
    [InlineData("clientVersion", 501)]
    public void Checklist_TooLong_IsRefusedNamingTheField(string field, int length)
    {
        var text = new string('x', length);
        var update = field == "problemRestated" ? new ChecklistUpdate { ProblemRestated = text } : new ChecklistUpdate { ClientVersion = text };

        var problem = update.Problem();

        Assert.Equal(WorkflowError.Invalid, problem?.Error);
        Assert.Equal(field, problem?.Field);
    }
}
