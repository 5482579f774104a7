using System.Text.Json;

namespace SyncHub.Adapters.JsonFeed.Tests;

public sealed class JsonPathTests
{
    private static readonly JsonElement Item = JsonDocument.Parse(
        """{"id":17,"a":{"b":"deep","list":[{"x":"first"},{"x":"second"}]},"odd key":"spaced","flag":true,"empty":"","none":null}""").RootElement;

    [Theory]
    [InlineData("$.id", "17")]
    [InlineData("$.a.b", "deep")]
    [InlineData("$.a.list[1].x", "second")]
    [InlineData("$['odd key']", "spaced")]
    [InlineData("$.a['b']", "deep")]
    [InlineData("$.flag", "true")]
    [InlineData("$.a.list[0]", "{\"x\":\"first\"}")]
    [InlineData("$.missing", null)]
    [InlineData("$.a.list[5].x", null)]
    [InlineData("$.empty", null)]
    [InlineData("$.none", null)]
    public void ValueOf_Path_FindsTheValue(string path, string? expected) =>
        Assert.Equal(expected, JsonPath.Parse(path).ValueOf(Item));

    [Theory]
    [InlineData("a.b")]
    [InlineData("$.a..b")]
    [InlineData("$.a[*]")]
    [InlineData("$.a[")]
    [InlineData("$a")]
    [InlineData("")]
    public void TryParse_OutsideTheSubset_SaysWhy(string path)
    {
        Assert.Null(JsonPath.TryParse(path, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Root_IsTheElementItself() =>
        Assert.Equal(JsonValueKind.Object, JsonPath.Parse("$").TryFind(Item, out var found) ? found.ValueKind : JsonValueKind.Undefined);
}
