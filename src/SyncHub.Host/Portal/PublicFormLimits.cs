using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using SyncHub.Adapters.WebForm;

namespace SyncHub.Host.Portal;

/// <summary>
/// The public form's limits, with ASP.NET Core's rate limiting: per client address (the endpoint's policy
/// <see cref="PolicyName"/>) and per requester e-mail address (checked here once the form is read). Fixed windows, kept
/// in this process: with several instances each keeps its own count.
/// </summary>
internal sealed class PublicFormLimits : IDisposable
{
    public const string PolicyName = "public-form";

    private readonly PartitionedRateLimiter<string> perEmail;

    public PublicFormLimits(IOptionsMonitor<WebFormOptions> options)
    {
        perEmail = PartitionedRateLimiter.Create<string, string>(email => RateLimitPartition.GetFixedWindowLimiter(
            email,
            _ => Window(options.CurrentValue.Public.PerEmail)));
    }

    /// <summary>The per-address partition of a request.</summary>
    public static RateLimitPartition<string> PerAddress(HttpContext context)
    {
        var limit = context.RequestServices.GetRequiredService<IOptionsMonitor<WebFormOptions>>().CurrentValue.Public.PerAddress;
        return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => Window(limit));
    }

    /// <summary>Takes one submission of <paramref name="email"/>; null when allowed, else how long to wait.</summary>
    public TimeSpan? TryTake(string email)
    {
        using var lease = perEmail.AttemptAcquire(email.ToUpperInvariant());
        return lease.IsAcquired ? null : RetryAfter(lease);
    }

    /// <summary>The wait a refused lease names (at least a second).</summary>
    public static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.FromSeconds(1) ? wait : TimeSpan.FromSeconds(1);

    public void Dispose() => perEmail.Dispose();

    private static FixedWindowRateLimiterOptions Window(FormRateLimit limit) => new()
    {
        PermitLimit = limit.PermitLimit,
        Window = limit.Window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
