using SyncHub.Host.Auth;
using SyncHub.Agents;
using SyncHub.Domain;

namespace SyncHub.Host.Endpoints;

/// <summary><c>/api/agents</c>: who is signed in (<c>me</c>) and the configured agents. Every route needs a sign-in.</summary>
internal static class AgentEndpoints
{
    public static RouteGroupBuilder MapAgents(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/agents").RequireApiCaller().WithTags("Agents");
        group.MapGet("/me", Me)
            .WithSummary("Who is signed in")
            .WithDescription("The agent the key or token belongs to; for a service key kind is Service and the agent fields are empty.")
            .Produces<AgentAnswer>(StatusCodes.Status200OK, "application/json");
        group.MapGet("/", List)
            .WithSummary("The configured agents (SyncHub:Agents)")
            .Produces<AgentListAnswer>(StatusCodes.Status200OK, "application/json");
        return group;
    }

    private static IResult Me(HttpContext context)
    {
        var actor = Actor.Of(context);
        var answer = actor.Agent is { } agent
            ? AgentAnswer.From(agent, actor.Kind)
            : new AgentAnswer(null, actor.Name, null, null, null, [], actor.Kind.ToString());
        return Results.Json(answer, SyncHubJson.Options);
    }

    private static IResult List(HttpContext context)
    {
        var directory = context.RequestServices.GetRequiredService<IAgentDirectory>();
        return Results.Json(new AgentListAnswer([.. directory.All.Select(a => AgentItem.From(a))]), SyncHubJson.Options);
    }
}

/// <summary><c>GET /api/agents/me</c>.</summary>
internal sealed record AgentAnswer(string? Id, string Name, string? Email, string? ChatHandle, string? Role, IReadOnlyList<string> Departments, string Kind)
{
    public static AgentAnswer From(Agent agent, ActorKind kind) =>
        new(agent.Id, agent.Name, agent.Email, agent.ChatHandle, agent.Role.ToString(), [.. agent.Departments.Select(d => d.ToString())], kind.ToString());
}

/// <summary>One agent of <c>GET /api/agents</c>; no departments = all.</summary>
internal sealed record AgentItem(string Id, string Name, string? Email, string? ChatHandle, string Role, IReadOnlyList<string> Departments)
{
    public static AgentItem From(Agent agent) =>
        new(agent.Id, agent.Name, agent.Email, agent.ChatHandle, agent.Role.ToString(), [.. agent.Departments.Select(d => d.ToString())]);
}

/// <summary><c>GET /api/agents</c>.</summary>
internal sealed record AgentListAnswer(IReadOnlyList<AgentItem> Items);
