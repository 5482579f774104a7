using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Time.Testing;
using Polly;

namespace SyncHub.Adapters.ZohoCrm.Tests;

public sealed class ZohoHttpTests
{
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(1);
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2025, 6, 2, 12, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.RequestTimeout, true)]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    [InlineData(HttpStatusCode.Unauthorized, false)]
    [InlineData(HttpStatusCode.Forbidden, false)]
    [InlineData(HttpStatusCode.NoContent, false)]
    [InlineData(HttpStatusCode.OK, false)]
    public void ShouldRetry_Status_RetriesOnlyTransientFailures(HttpStatusCode status, bool expected)
    {
        using var response = new HttpResponseMessage(status);

        Assert.Equal(expected, ToolHttp.ShouldRetry(Outcome.FromResult(response), MaxRetryAfter, time));
    }

    [Fact]
    public void ShouldRetry_NetworkFailure_Retries()
    {
        Assert.True(ToolHttp.ShouldRetry(Outcome.FromException<HttpResponseMessage>(new HttpRequestException("connection refused")), MaxRetryAfter, time));
    }

    [Theory]
    [InlineData(30, true)]
    [InlineData(60, true)]
    [InlineData(61, false)]
    [InlineData(86400, false)]
    public void ShouldRetry_TooManyRequestsWithRetryAfterSeconds_RetriesOnlyWithinTheLimit(int seconds, bool expected)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));

        Assert.Equal(expected, ToolHttp.ShouldRetry(Outcome.FromResult(response), MaxRetryAfter, time));
    }

    [Fact]
    public void ShouldRetry_TooManyRequestsWithRetryAfterDateHoursAway_DoesNotRetry()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(time.GetUtcNow().AddHours(2));

        Assert.False(ToolHttp.ShouldRetry(Outcome.FromResult(response), MaxRetryAfter, time));
    }
}
