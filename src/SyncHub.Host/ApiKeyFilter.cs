using SyncHub.Host.Auth;

namespace SyncHub.Host;

/// <summary>
/// Lets a request through only when <see cref="ApiAuthentication"/> knows the caller (an agent's key or JWT, or a service
/// key), and records who it is for the handler (<see cref="Actor.Of"/>). Put it on every agent and admin route group:
/// <c>.AddEndpointFilter&lt;ApiKeyFilter&gt;()</c>; admin-only routes add <see cref="AdminOnlyFilter"/> after it.
/// </summary>
internal sealed class ApiKeyFilter(ApiAuthentication authentication) : IEndpointFilter
{
    public const string Header = ApiAuthentication.KeyHeader;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var (actor, problem) = await authentication.AuthenticateAsync(context.HttpContext);
        if (actor is null)
        {
            return problem;
        }

        actor.AttachTo(context.HttpContext);
        return await next(context);
    }
}
