using SyncHub.Agents;

namespace SyncHub.Host;

/// <summary>Who makes a request: a configured agent (personal key or JWT) or an integration's service key.</summary>
internal sealed record Actor(string Name, ActorKind Kind, Agent? Agent)
{
    public bool IsAdmin => Agent?.IsAdmin == true;

    /// <summary>What the ticket history records as <c>by</c>: the agent's name, or <c>service:NAME</c>.</summary>
    public string RecordedAs => Kind == ActorKind.Agent ? Name : $"service:{Name}";

    public static Actor Service(string name) => new(name, ActorKind.Service, null);

    public static Actor For(Agent agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return new(agent.Name, ActorKind.Agent, agent);
    }

    /// <summary>The actor the authentication in front of the route recorded for this request.</summary>
    public static Actor Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[typeof(Actor)] as Actor
            ?? throw new InvalidOperationException("no authenticated actor: the route is not behind the API's authentication");
    }

    public void AttachTo(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[typeof(Actor)] = this;
    }
}

internal enum ActorKind
{
    Agent,
    Service,
}
