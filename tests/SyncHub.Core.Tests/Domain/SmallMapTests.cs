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

    [Fact]
    public void Enumerations_OneAfterAnotherAndOverlapping_EachSeeEveryFieldOnce()
    {
        var map = new SmallMap(3) { ["a"] = "1", ["b"] = "2", ["c"] = "3" };
        string[] keys = ["a", "b", "c"];

        // One after another (each disposed by foreach / LINQ), nested within each other, and one left undisposed.
        Assert.Equal(keys, map.Select(p => p.Key));
        Assert.Equal(keys, map.Select(p => p.Key));
        var pairs = new List<string>();
        foreach (var outer in map)
        {
            foreach (var inner in map)
            {
                pairs.Add(outer.Key + inner.Key);
            }
        }

        using var abandoned = map.GetEnumerator();
        Assert.True(abandoned.MoveNext());

        Assert.Equal(["aa", "ab", "ac", "ba", "bb", "bc", "ca", "cb", "cc"], pairs);
        Assert.Equal(keys, map.Select(p => p.Key));
        Assert.Equal("a", abandoned.Current.Key);
        Assert.True(abandoned.MoveNext());
        Assert.True(abandoned.MoveNext());
        Assert.False(abandoned.MoveNext());
        Assert.False(abandoned.MoveNext());
    }

    [Fact]
    public async Task Enumerations_OnManyThreadsAtOnce_EachSeeEveryField()
    {
        var map = new SmallMap(4) { ["a"] = "1", ["b"] = "2", ["c"] = "3", ["d"] = "4" };

        var seen = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            var joined = new List<string>();
            for (var i = 0; i < 20_000; i++)
            {
                joined.Add(string.Concat(map.Select(p => p.Value)));
            }

            return joined;
        })));

        Assert.All(seen.SelectMany(s => s), s => Assert.Equal("1234", s));
    }

    [Fact]
    public void Empty_IsSharedReadOnlyAndSerializesAsAnEmptyDictionary()
    {
        Assert.Empty(SmallMap.Empty);
        Assert.Empty(SmallMap.Empty.Keys);
        Assert.Equal("{}", JsonSerializer.Serialize<IReadOnlyDictionary<string, string>>(SmallMap.Empty, SyncHubJson.Options));
        Assert.Throws<InvalidOperationException>(() => SmallMap.Empty["policy"] = "gold");
        Assert.Empty(SmallMap.Empty);
    }
}
