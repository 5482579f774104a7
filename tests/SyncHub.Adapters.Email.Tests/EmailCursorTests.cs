namespace SyncHub.Adapters.Email.Tests;

public sealed class EmailCursorTests
{
    [Fact]
    public void Serialize_RememberedThreads_SurviveAParse()
    {
        var cursor = new EmailCursor();
        cursor.Set("INBOX", new FolderPosition(7, 3));
        cursor.Remember("m1@x", "mail:m1@x");
        cursor.Remember("m2@x", "ticket:12");

        var again = EmailCursor.Parse(cursor.Serialize(["INBOX"]));

        Assert.Equal("mail:m1@x", again.ThreadOf("m1@x"));
        Assert.Equal("ticket:12", again.ThreadOf("m2@x"));
        Assert.Null(again.ThreadOf("m3@x"));
        Assert.Equal(new FolderPosition(7, 3), again.Position("INBOX"));
    }

    [Fact]
    public void Remember_BeyondTheLimit_ForgetsTheOldestFirst()
    {
        var cursor = new EmailCursor();
        for (var i = 0; i <= EmailCursor.MaxThreads; i++)
        {
            cursor.Remember($"m{i}@x", $"mail:m{i}@x");
        }

        var again = EmailCursor.Parse(cursor.Serialize(["INBOX"]));

        Assert.Null(again.ThreadOf("m0@x"));
        Assert.Equal("mail:m1@x", again.ThreadOf("m1@x"));
        Assert.Equal($"mail:m{EmailCursor.MaxThreads}@x", again.ThreadOf($"m{EmailCursor.MaxThreads}@x"));
    }

    [Fact]
    public void Parse_CursorWithoutThreads_KnowsNoneAndKeepsItsFolders()
    {
        var cursor = EmailCursor.Parse("""{"folders":{"INBOX":{"uidValidity":1,"lastUid":45}},"threads":{"bad@x":5}}""");

        Assert.Null(cursor.ThreadOf("bad@x"));
        Assert.Equal(new FolderPosition(1, 45), cursor.Position("INBOX"));
    }
}
