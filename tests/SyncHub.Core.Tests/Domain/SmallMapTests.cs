using System.Text.Json;
using SyncHub.Domain;

namespace SyncHub.Core.Tests.Domain;

/// <summary>
/// History and event data built as a <see cref="SmallMap"/> must read and serialize as the dictionary it replaces: the
/// stored JSON, the API's answers and every look-up by field name depend on it.
/// </summary>
public sealed class SmallMapTests
{
    [Fact]
    public void Fields_ReadBackByName_InTheOrderTheyWereSet()
    {
        var map = new SmallMap(2) { ["channel"] = "Web", ["source"] = "WebForm", ["externalId"] = "f-1" };

        Assert.Equal(3, map.Count);
        Assert.Equal("WebForm", map["source"]);
        Assert.True(map.ContainsKey("externalId"));
        Assert.False(map.ContainsKey("Channel"));
        Assert.False(map.TryGetValue("priority", out _));
        Assert.Equal(["channel", "source", "externalId"], map.Keys);
        Assert.Equal(["Web", "WebForm", "f-1"], map.Values);
        Assert.Throws<KeyNotFoundException>(() => map["priority"]);
    }

    [Fact]
    public void SettingAFieldAgain_ReplacesItsValueInPlace()
    {
        var map = new SmallMap(2) { ["priority"] = "Low", ["department"] = "Community" };

        map["priority"] = "High";

        Assert.Equal(2, map.Count);
        Assert.Equal([new("priority", "High"), new("department", "Community")], map.ToList<KeyValuePair<string, string>>());
    }

    [Fact]
    public void Serialized_GivesTheSameJsonAsADictionary()
    {
        IReadOnlyDictionary<string, string> map = new SmallMap(0) { ["a"] = "1", ["b"] = "\"quoted\"", ["c"] = "" };
        IReadOnlyDictionary<string, string> dictionary = new Dictionary<string, string> { ["a"] = "1", ["b"] = "\"quoted\"", ["c"] = "" };
        var entry = new HistoryEntry(DateTimeOffset.UnixEpoch, "note", "text", map);

        Assert.Equal(JsonSerializer.Serialize(dictionary, SyncHubJson.Options), JsonSerializer.Serialize(map, SyncHubJson.Options));
        Assert.Equal(
            JsonSerializer.Serialize(entry with { Data = dictionary }, SyncHubJson.Options),
            JsonSerializer.Serialize(entry, SyncHubJson.Options));
    }
}
