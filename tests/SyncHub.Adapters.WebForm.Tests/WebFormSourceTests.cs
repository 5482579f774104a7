using Microsoft.Extensions.Time.Testing;
using SyncHub.Adapters;
using SyncHub.Adapters.WebForm;
using SyncHub.Domain;
using SyncHub.Sdk.Testing;
using static SyncHub.Adapters.WebForm.Tests.WebFormSettings;

namespace SyncHub.Adapters.WebForm.Tests;

public sealed class WebFormSourceTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    private readonly AdapterHarness harness = new(new WebFormModule(), WebFormSettings.For(), new FakeTimeProvider(Now));

    private IWebhookSource CreateSut() => harness.Webhook("web");

    [Fact]
    public async Task ReadAsync_ValidForm_MapsEveryFieldToAWebRecord()
    {
        var result = await CreateSut().ReadAsync(
            Request("""{"name":" Ana ","email":"ana@example.com","subject":"Down","message":"All users out","priority":"high","product":"Cloud","clientVersion":"6.4.1","submissionId":"s-9"}"""),
            CancellationToken.None);

        var record = Assert.Single(Assert.IsType<WebhookResult.Accepted>(result).Records);
        Assert.Equal("WebForm", record.Source);
        Assert.Equal("s-9", record.ExternalId);
        Assert.Equal(Channel.Web, record.Channel);
        Assert.Equal(new Requester("Ana", "ana@example.com"), record.Requester);
        Assert.Equal(Priority.High, record.PriorityHint);
        Assert.Equal("Cloud", record.Product);
        Assert.Equal("6.4.1", record.Diagnostics["clientVersion"]);
        Assert.Equal(Now, record.ReceivedAt);
    }

    [Fact]
    public async Task ReadAsync_NoSubmissionId_ExternalIdIsStableForTheSameContent()
    {
        const string Json = """{"name":"Ana","email":"Ana@Example.com","subject":"Login","message":"Wrong password"}""";
        var sut = CreateSut();

        var first = Assert.IsType<WebhookResult.Accepted>(await sut.ReadAsync(Request(Json), CancellationToken.None)).Records[0];
        var second = Assert.IsType<WebhookResult.Accepted>(await sut.ReadAsync(Request(Json), CancellationToken.None)).Records[0];
        var other = Assert.IsType<WebhookResult.Accepted>(await sut.ReadAsync(Request(Json.Replace("Login", "Billing", StringComparison.Ordinal)), CancellationToken.None)).Records[0];

        Assert.Equal(first.ExternalId, second.ExternalId);
        Assert.StartsWith("sha256:", first.ExternalId, StringComparison.Ordinal);
        Assert.NotEqual(first.ExternalId, other.ExternalId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer form-secret-2")]
    [InlineData("Basic form-secret-1")]
    [InlineData("Bearer ")]
    public async Task ReadAsync_WrongAuthorization_IsUnauthorized(string? authorization)
    {
        var result = await CreateSut().ReadAsync(Request("{}", authorization), CancellationToken.None);

        Assert.Equal(401, Assert.IsType<WebhookResult.Rejected>(result).Status);
    }

    [Theory]
    [InlineData("[]", "body")]
    [InlineData("null", "body")]
    [InlineData("""{"name":"A","email":"a@b.c","subject":"s","message":"m","submissionId":{"x":1}}""", "submissionId")]
    public async Task ReadAsync_MalformedBody_NamesTheField(string json, string field)
    {
        var result = await CreateSut().ReadAsync(Request(json), CancellationToken.None);

        var rejected = Assert.IsType<WebhookResult.Rejected>(result);
        Assert.Equal(400, rejected.Status);
        Assert.Equal(field, rejected.Field);
    }

    [Fact]
    public async Task ReadAsync_NamesInAnyCaseAndUnknownMembers_AreRead()
    {
        var result = await CreateSut().ReadAsync(
            Request("""{"Name":"Ana","EMAIL":"ana@example.com","subject":"Down","Message":"Out","page":{"url":"/help","tags":["a",{"b":[1,2]}]},"submissionId":"s-10"}"""),
            CancellationToken.None);

        var record = Assert.Single(Assert.IsType<WebhookResult.Accepted>(result).Records);
        Assert.Equal(new Requester("Ana", "ana@example.com"), record.Requester);
        Assert.Equal("Out", record.Body);
        Assert.Equal("s-10", record.ExternalId);
    }

    [Theory]
    [InlineData(7, true)]
    [InlineData(8, false)]
    public async Task ReadAsync_NestingBeyondEightLevels_IsRefusedNamingTheMember(int depth, bool accepted)
    {
        var nested = string.Concat(Enumerable.Repeat("[", depth)) + string.Concat(Enumerable.Repeat("]", depth));

        var result = await CreateSut().ReadAsync(
            Request($$"""{"name":"Ana","email":"ana@example.com","subject":"Down","message":"Out","extra":{{nested}}}"""),
            CancellationToken.None);

        if (accepted)
        {
            Assert.IsType<WebhookResult.Accepted>(result);
        }
        else
        {
            var rejected = Assert.IsType<WebhookResult.Rejected>(result);
            Assert.Equal(400, rejected.Status);
            Assert.Equal("extra", rejected.Field);
        }
    }

    [Theory]
    [InlineData(" ana@example.com ", true)]
    [InlineData("ana.souza+help@mail.example.com", true)]
    [InlineData("Ana <ana@example.com>", false)]
    [InlineData("\"Ana\" ana@example.com", false)]
    [InlineData("ana@example.com, bo@example.com", false)]
    [InlineData("ana@@example.com", false)]
    [InlineData("ana", false)]
    public async Task ReadAsync_Email_IsOnePlainAddress(string email, bool accepted)
    {
        var result = await CreateSut().ReadAsync(
            Request($$"""{"name":"Ana","email":{{System.Text.Json.JsonSerializer.Serialize(email)}},"subject":"Down","message":"Out"}"""),
            CancellationToken.None);

        if (accepted)
        {
            Assert.Equal(email.Trim(), Assert.Single(Assert.IsType<WebhookResult.Accepted>(result).Records).Requester.Email);
        }
        else
        {
            Assert.Equal("email", Assert.IsType<WebhookResult.Rejected>(result).Field);
        }
    }

    public void Dispose() => harness.Dispose();
}
