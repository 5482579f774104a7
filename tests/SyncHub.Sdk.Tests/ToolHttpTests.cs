using System.Net;
using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.Retry;
using Polly.Testing;
using Polly.Timeout;
using SyncHub.Adapters;

namespace SyncHub.Sdk.Tests;

public sealed class ToolHttpTests
{
    private static readonly FakeTimeProvider Time = new(DateTimeOffset.Parse("2026-12-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    private static ResiliencePipeline<HttpResponseMessage> CreateSut(HttpRetrySettings settings)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        ToolHttp.ConfigureResilience(builder, settings, Time);
        return builder.Build();
    }

    private static async Task<bool> RetriesAsync(HttpRetrySettings settings, HttpResponseMessage answer)
    {
        var retry = CreateSut(settings).GetPipelineDescriptor().Strategies.Select(s => s.Options).OfType<RetryStrategyOptions<HttpResponseMessage>>().Single();
        var context = ResilienceContextPool.Shared.Get();
        try
        {
            return await retry.ShouldHandle(new RetryPredicateArguments<HttpResponseMessage>(context, Outcome.FromResult(answer), 0));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static HttpResponseMessage RateLimited(TimeSpan? retryAfter)
    {
        var answer = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        if (retryAfter is { } wait)
        {
            answer.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(wait);
        }

        return answer;
    }

    private static readonly HttpRetrySettings Retrying = new(TimeSpan.FromSeconds(10), 3, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));

    [Fact]
    public void ConfigureResilience_WithRetries_TotalTimeoutAroundRetriesAroundAttemptTimeout()
    {
        var strategies = CreateSut(Retrying).GetPipelineDescriptor().Strategies.Select(s => s.Options).ToList();

        Assert.Collection(
            strategies,
            total => Assert.Equal(TimeSpan.FromSeconds((10 * 4) + (60 * 3) + 1), Assert.IsType<Microsoft.Extensions.Http.Resilience.HttpTimeoutStrategyOptions>(total).Timeout),
            retry => Assert.Equal(3, Assert.IsAssignableFrom<RetryStrategyOptions<HttpResponseMessage>>(retry).MaxRetryAttempts),
            attempt => Assert.Equal(TimeSpan.FromSeconds(10), Assert.IsType<Microsoft.Extensions.Http.Resilience.HttpTimeoutStrategyOptions>(attempt).Timeout));
    }

    [Fact]
    public void ConfigureResilience_SingleAttempt_OnlyTheAttemptTimeout()
    {
        var strategy = Assert.Single(CreateSut(HttpRetrySettings.SingleAttempt(TimeSpan.FromSeconds(5))).GetPipelineDescriptor().Strategies);

        Assert.Equal(TimeSpan.FromSeconds(5), Assert.IsAssignableFrom<TimeoutStrategyOptions>(strategy.Options).Timeout);
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.RequestTimeout, true)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    [InlineData(HttpStatusCode.Unauthorized, false)]
    [InlineData(HttpStatusCode.NotFound, false)]
    public async Task ShouldHandle_Status_RetriesOnlyTransientFailures(HttpStatusCode status, bool retried)
    {
        Assert.Equal(retried, await RetriesAsync(Retrying, new HttpResponseMessage(status)));
    }

    [Fact]
    public async Task ShouldHandle_429WithinMaxRetryAfter_Retried()
    {
        Assert.True(await RetriesAsync(Retrying, RateLimited(TimeSpan.FromSeconds(30))));
    }

    [Fact]
    public async Task ShouldHandle_429LongerThanMaxRetryAfter_LeftToTheAdapter()
    {
        Assert.False(await RetriesAsync(Retrying, RateLimited(TimeSpan.FromMinutes(5))));
    }

    [Fact]
    public async Task ShouldHandle_RateLimitedNotRetried_429LeftToTheAdapterBut5xxRetried()
    {
        var settings = Retrying with { RetryRateLimited = false };

        Assert.False(await RetriesAsync(settings, RateLimited(TimeSpan.FromSeconds(1))));
        Assert.True(await RetriesAsync(settings, new HttpResponseMessage(HttpStatusCode.BadGateway)));
    }
}
