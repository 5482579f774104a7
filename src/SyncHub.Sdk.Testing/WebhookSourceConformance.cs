using System.Text;
using SyncHub.Adapters;

namespace SyncHub.Sdk.Testing;

/// <summary>
/// The conformance tests of an <see cref="IWebhookSource"/>: a request signed as the tool signs it becomes records under
/// the source's name with ids that a redelivery repeats; an unsigned request, or one whose signature or token was
/// tampered with, is refused with 401 and no record; a signed body that cannot be parsed is refused with 400 naming a
/// field (never an exception, which the host would answer with 500); no refusal or log shows a secret.
/// </summary>
/// <typeparam name="TSource">The webhook source type.</typeparam>
public abstract class WebhookSourceConformance<TSource> : ConformanceSuite
    where TSource : class, IWebhookSource
{
    /// <summary>Bodies no JSON parser accepts: invalid UTF-8, a lone surrogate escape, truncated, not JSON, empty, too deep.</summary>
    public static IReadOnlyList<(string Name, byte[] Body)> UnparseableBodies { get; } =
    [
        ("invalid UTF-8", [(byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)'}']),
        ("a lone surrogate escape", Encoding.UTF8.GetBytes("{\"a\":\"\\ud800\",\"b\":[\"\\udfff\"]}")),
        ("truncated JSON", Encoding.UTF8.GetBytes("{\"a\": {\"b\": [1, 2")),
        ("not JSON", Encoding.UTF8.GetBytes("name=Ana&message=help")),
        ("an empty body", []),
        ("nesting 10000 levels deep", Encoding.UTF8.GetBytes(new string('[', 10_000) + new string(']', 10_000))),
    ];

    /// <summary>The source, as the host creates it (usually through <see cref="ConformanceSuite.Harness"/>).</summary>
    protected abstract TSource CreateSource();

    /// <summary>A request the tool sends, signed (or carrying its token) as the tool does, that holds at least one record.</summary>
    protected abstract WebhookRequest ValidRequest();

    /// <summary><paramref name="body"/> as a POST the tool would send, signed (or carrying its token) as the tool does.</summary>
    protected abstract WebhookRequest Signed(ReadOnlyMemory<byte> body);

    /// <summary>The headers that carry the signature or token (all of them are removed for an unsigned request).</summary>
    protected abstract IReadOnlyCollection<string> SignatureHeaders { get; }

    /// <summary>Reads <paramref name="request"/>; fails when the source throws (the host would answer 500).</summary>
    protected async Task<WebhookResult> ReadAsync(TSource source, WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(source);
        try
        {
            return await source.ReadAsync(request, CancellationToken.None);
        }
        catch (Exception error) when (error is not Xunit.Sdk.XunitException)
        {
            throw new Xunit.Sdk.XunitException($"ReadAsync threw {error.GetType().Name} ({error.Message}): the host answers that with 500 and the tool retries it for ever");
        }
    }

    /// <summary>A signed request becomes records under the source's name, each a usable record.</summary>
    [Fact]
    public async Task ReadAsync_SignedRequest_AcceptsRecordsUnderTheSourceName()
    {
        var source = CreateSource();

        var result = await ReadAsync(source, ValidRequest());

        var records = Assert.IsType<WebhookResult.Accepted>(result).Records;
        Assert.NotEmpty(records);
        Assert.All(records, r => RecordAssert.Conforms(r, source.Name));
    }

    /// <summary>The same request delivered again (tools retry) gives the same external ids, so it makes no second ticket.</summary>
    [Fact]
    public async Task ReadAsync_SameRequestDeliveredTwice_GivesTheSameExternalIds()
    {
        var source = CreateSource();

        var first = Assert.IsType<WebhookResult.Accepted>(await ReadAsync(source, ValidRequest())).Records;
        var again = Assert.IsType<WebhookResult.Accepted>(await ReadAsync(CreateSource(), ValidRequest())).Records;

        Assert.NotEmpty(first);
        Assert.Equal(first.Select(r => r.ExternalId), again.Select(r => r.ExternalId));
    }

    /// <summary>A request without the signature or token (header missing or empty) is refused with 401 and no record.</summary>
    [Fact]
    public async Task ReadAsync_Unsigned_Is401()
    {
        var source = CreateSource();
        var valid = ValidRequest();
        var missing = SignatureHeaders.Aggregate(valid, (request, header) => request.WithHeader(header, null));
        var empty = SignatureHeaders.Aggregate(valid, (request, header) => request.WithHeader(header, ""));

        Assert.NotEmpty(SignatureHeaders);
        Assert.All(SignatureHeaders, h => Assert.NotNull(valid.Header(h)));
        foreach (var request in new[] { missing, empty })
        {
            AssertUnauthorized(await ReadAsync(source, request));
        }
    }

    /// <summary>A request whose signature or token was changed by one character is refused with 401 and no record.</summary>
    [Fact]
    public async Task ReadAsync_SignatureTampered_Is401()
    {
        var source = CreateSource();
        var valid = ValidRequest();

        foreach (var header in SignatureHeaders)
        {
            var value = valid.Header(header);
            Assert.False(string.IsNullOrEmpty(value), $"ValidRequest has no {header} header");
            var last = value[^1];
            var forged = value[..^1] + (last is 'a' ? 'b' : last is 'A' ? 'B' : char.IsDigit(last) ? (char)('0' + ((last - '0' + 1) % 10)) : 'a');
            AssertUnauthorized(await ReadAsync(source, valid.WithHeader(header, forged)));
        }
    }

    /// <summary>A signed body that is not parseable JSON is refused with 400 naming a field; the source never throws.</summary>
    [Fact]
    public async Task ReadAsync_SignedBodyThatDoesNotParse_Is400NamingAField()
    {
        var source = CreateSource();
        var misses = new List<string>();

        foreach (var (name, body) in UnparseableBodies)
        {
            var result = await ReadAsync(source, Signed(body));
            if (result is not WebhookResult.Rejected { Status: 400, Field: { Length: > 0 } })
            {
                misses.Add($"{name}: {result}");
            }
        }

        Assert.True(misses.Count == 0, "not refused with 400 naming a field:\n" + string.Join("\n", misses));
    }

    /// <summary>No refusal and no log entry shows a configured secret.</summary>
    [Fact]
    public async Task ReadAsync_AnyRequest_ShowsNoSecret()
    {
        var source = CreateSource();
        var valid = ValidRequest();
        var requests = new[] { valid, Signed(valid.Body) }
            .Concat(SignatureHeaders.Select(h => valid.WithHeader(h, null)))
            .Concat(SignatureHeaders.Select(h => valid.WithHeader(h, "forged")))
            .Concat(UnparseableBodies.Select(b => Signed(b.Body)));

        foreach (var request in requests)
        {
            var result = await ReadAsync(source, request);
            if (result is WebhookResult.Rejected rejected)
            {
                AssertNoSecret(rejected.Title, "a refusal's title");
                AssertNoSecret(rejected.Detail, "a refusal's detail");
            }
        }

        Assert.NotEmpty(Secrets);
        AssertNoSecretLogged();
    }

    private static void AssertUnauthorized(WebhookResult result) =>
        Assert.Equal(401, Assert.IsType<WebhookResult.Rejected>(result).Status);
}
