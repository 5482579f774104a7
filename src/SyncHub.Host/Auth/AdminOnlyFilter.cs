namespace SyncHub.Host.Auth;

/// <summary>
/// After <see cref="ApiKeyFilter"/>: lets only agents with the Admin role through; other agents and service keys get a
/// 403 problem.
/// </summary>
internal sealed class AdminOnlyFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var actor = Actor.Of(context.HttpContext);
        if (actor.IsAdmin)
        {
            return next(context);
        }

        var who = actor.Kind == ActorKind.Agent ? $"agent {actor.Agent!.Id} has the role {actor.Agent.Role}" : $"service key {actor.Name} is no agent";
        return ValueTask.FromResult<object?>(Problems.Status(
            StatusCodes.Status403Forbidden,
            "Forbidden",
            $"only admins may use this route (Role Admin in SyncHub:Agents); {who}"));
    }
}

/// <summary>Puts routes behind the API's authentication, and admin routes behind the admin role too.</summary>
internal static class ApiAuthorization
{
    /// <summary>Agents (personal key or JWT) and service keys.</summary>
    public static TBuilder RequireApiCaller<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, ApiKeyFilter>();

    /// <summary>Admins only: on a route or group that is already behind <see cref="RequireApiCaller"/> (its own or its group's).</summary>
    public static TBuilder RequireAdmin<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, AdminOnlyFilter>();
}
