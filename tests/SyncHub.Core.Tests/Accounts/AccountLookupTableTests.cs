using SyncHub.Accounts;
using SyncHub.Adapters;

namespace SyncHub.Core.Tests.Accounts;

/// <summary>
/// A key several records share (a domain of two accounts, a number of two contacts) answers with the most recently
/// modified record, ties to the lower id (ordinal), as a Redis sorted set orders them.
/// </summary>
public sealed class AccountLookupTableTests
{
    [Fact]
    public void Find_DomainOfSeveralAccounts_AnswersTheMostRecentlyModified()
    {
        var sut = new AccountLookupTable();
        sut.Put([Account("acc-1", 5, "acme.com"), Account("acc-2", 9, "acme.com"), Account("acc-3", 7, "acme.com")], []);

        Assert.Equal("acc-2", sut.Find(null, "acme.com", null)?.CrmId);
    }

    [Fact]
    public void Find_DomainOfAccountsModifiedAtOnce_AnswersTheLowerId()
    {
        var sut = new AccountLookupTable();
        sut.Put([Account("acc-b", 5, "acme.com"), Account("acc-a", 5, "acme.com"), Account("acc-c", 5, "acme.com")], []);

        Assert.Equal("acc-a", sut.Find(null, "acme.com", null)?.CrmId);
    }

    [Fact]
    public void Find_AddressOfSeveralContacts_AnswersTheAccountOfTheMostRecentContactWhoseAccountIsStored()
    {
        var sut = new AccountLookupTable();
        sut.Put(
            [Account("acc-1", 1, "one.com"), Account("acc-2", 1, "two.com")],
            [Contact("con-1", 3, "acc-1", "lee@acme.com", "+5511999990000"), Contact("con-2", 4, "acc-2", "lee@acme.com", null),
                Contact("con-3", 8, "acc-gone", "lee@acme.com", "+5511999990000"), Contact("con-0", 3, "acc-2", null, "+5511999990000")]);

        Assert.Equal("acc-2", sut.Find("lee@acme.com", null, null)?.CrmId);
        Assert.Equal("acc-2", sut.Find(null, null, "+5511999990000")?.CrmId); // con-0 and con-1 tie at 3: the lower id
        Assert.Null(sut.Find("nobody@acme.com", "nothing.com", "+5511000000000"));
    }

    [Fact]
    public void FindEmail_NumberOfSeveralContacts_AnswersTheMostRecentContactWithAnAddress()
    {
        var sut = new AccountLookupTable();
        sut.Put([], [Contact("con-1", 3, null, "old@acme.com", "+5511999990000"), Contact("con-2", 6, null, "new@acme.com", "+5511999990000"),
            Contact("con-3", 9, null, null, "+5511999990000"), Contact("con-4", 1, null, "only@acme.com", "+5511888880000")]);

        Assert.Equal("new@acme.com", sut.FindEmail("+5511999990000"));
        Assert.Equal("only@acme.com", sut.FindEmail("+5511888880000"));
        Assert.Null(sut.FindEmail("+5511000000000"));
    }

    private static AccountEntry Account(string id, long modified, string domain) =>
        new(new CrmAccount(id, $"Account {id}", "Gold", "Active", null, [domain], [], DateTimeOffset.UnixEpoch), modified, [domain], []);

    private static ContactEntry Contact(string id, long modified, string? accountId, string? email, string? phone) =>
        new(id, modified, accountId, email is null ? [] : [email], phone is null ? [] : [phone], email);
}
