using Microsoft.Extensions.Time.Testing;
using SyncHub.Accounts;
using SyncHub.Adapters;
using SyncHub.Domain;
using Xunit;

namespace SyncHub.Testing.Accounts;

/// <summary>
/// The behaviour every <see cref="IAccountDirectoryStore"/> shares (in memory, Redis): look-up order e-mail,
/// domain, phone; case-insensitive addresses; E.164 phone matching; public mail domains; idempotent upserts;
/// updated records replacing their look-up keys; removals of records deleted in the CRM with all their keys; expired
/// support. Subclass it per implementation.
/// </summary>
public abstract class AccountDirectoryContract
{
    protected static readonly DateTimeOffset T0 = new(2025, 5, 20, 13, 0, 0, TimeSpan.FromHours(-3));

    protected static readonly CrmAccount Acme = new(
        "acc-1", "Acme Ltda", "Gold", "Customer", null, ["https://www.Acme.com/contact"], ["+55 11 3333-4444"], T0);

    protected static readonly CrmAccount Globex = new(
        "acc-2", "Globex", "Silver", "Customer", null, ["globex.com.br"], ["(21) 2222-1111"], T0);

    /// <summary>An account whose website field was filled with a webmail domain by mistake.</summary>
    protected static readonly CrmAccount Careless = new(
        "acc-3", "Careless Co", "Bronze", "Trial", null, ["gmail.com"], [], T0);

    protected static readonly CrmContact Maria = new("con-1", "acc-1", "Maria.Silva@Acme.com", "11 98888-7777", "Maria Silva", T0);

    protected static readonly CrmContact Joao = new("con-2", "acc-2", "joao@gmail.com", null, "João Souza", T0);

    /// <summary>A consultant of Globex who writes from an Acme address.</summary>
    protected static readonly CrmContact Pat = new("con-3", "acc-2", "pat@acme.com", null, "Pat Lee", T0);

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 6, 2, 12, 0, 0, TimeSpan.Zero));

    /// <summary>Creates an empty store that matches with <paramref name="options"/> and reads the clock from <paramref name="time"/>.</summary>
    protected abstract Task<IAccountDirectoryStore> CreateStoreAsync(AccountDirectoryOptions options, TimeProvider time);

    [Fact]
    public async Task FindAsync_ContactEmail_ReturnsContactsAccount()
    {
        var sut = await CreateSeededSutAsync();

        var found = await sut.FindAsync(new Requester(Email: "maria.silva@acme.com"));

        Assert.Equal(new AccountSnapshot("acc-1", "Acme Ltda", "Gold", "Customer"), found);
    }

    [Theory]
    [InlineData("MARIA.SILVA@ACME.COM")]
    [InlineData("  Maria.Silva@acme.COM ")]
    public async Task FindAsync_ContactEmailInOtherCase_ReturnsContactsAccount(string email)
    {
        var sut = await CreateSeededSutAsync();

        var found = await sut.FindAsync(new Requester(Email: email));

        Assert.Equal("acc-1", found?.CrmId);
    }

    [Fact]
    public async Task FindAsync_ContactEmailOnAnotherAccountsDomain_PrefersContact()
    {
        var sut = await CreateSeededSutAsync();

        var found = await sut.FindAsync(new Requester(Email: "pat@acme.com"));

        Assert.Equal("acc-2", found?.CrmId);
    }

    [Fact]
    public async Task FindAsync_UnknownAddressOnAccountDomain_ReturnsDomainAccount()
    {
        var sut = await CreateSeededSutAsync();

        var found = await sut.FindAsync(new Requester(Email: "new.person@ACME.com"));

        Assert.Equal(new AccountSnapshot("acc-1", "Acme Ltda", "Gold", "Customer"), found);
    }

    [Fact]
    public async Task FindAsync_DomainAndPhoneOfDifferentAccounts_PrefersDomain()
    {
        var sut = await CreateSeededSutAsync();

        var found = await sut.FindAsync(new Requester(Email: "new.person@acme.com", Phone: "+55 21 2222-1111"));

        Assert.Equal("acc-1", found?.CrmId);
    }

    [Fact]
    public async Task FindAsync_UnknownAddressAndKnownPhone_ReturnsPhoneAccount()
    {
        var sut = await CreateSeededSutAsync();

        var found = await sut.FindAsync(new Requester(Email: "someone@unknown.example", Phone: "+55 21 2222-1111"));

        Assert.Equal("acc-2", found?.CrmId);
    }

    [Fact]
    public async Task FindAsync_PublicMailDomain_DoesNotMatchByDomain()
    {
        var sut = await CreateSeededSutAsync();

        var found = await sut.FindAsync(new Requester(Email: "stranger@gmail.com"));

        Assert.Null(found);
    }

    [Fact]
    public async Task FindAsync_ContactOnPublicMailDomain_MatchesByAddress()
    {
        var sut = await CreateSeededSutAsync();

        var found = await sut.FindAsync(new Requester(Email: "joao@gmail.com"));

        Assert.Equal("acc-2", found?.CrmId);
    }

    [Fact]
    public async Task FindAsync_ConfiguredPublicDomains_ReplaceTheDefaults()
    {
        var sut = await CreateSeededSutAsync(o => o.PublicEmailDomains = ["acme.com"]);

        var acme = await sut.FindAsync(new Requester(Email: "new.person@acme.com"));
        var gmail = await sut.FindAsync(new Requester(Email: "stranger@gmail.com"));

        Assert.Null(acme);
        Assert.Equal("acc-3", gmail?.CrmId);
    }

    [Theory]
    [InlineData("+55 11 3333-4444")]
    [InlineData("+551133334444")]
    [InlineData("0055 (11) 3333.4444")]
    [InlineData("(11) 3333-4444")]
    [InlineData("011 3333 4444")]
    public async Task FindAsync_AccountPhoneWrittenDifferently_MatchesInE164(string phone)
    {
        var sut = await CreateSeededSutAsync();

        var found = await sut.FindAsync(new Requester(Phone: phone));

        Assert.Equal("acc-1", found?.CrmId);
    }

    [Fact]
    public async Task FindAsync_ContactPhone_ReturnsContactsAccount()
    {
        var sut = await CreateSeededSutAsync();

        var found = await sut.FindAsync(new Requester(Phone: "+55 (11) 98888-7777"));

        Assert.Equal("acc-1", found?.CrmId);
    }

    [Fact]
    public async Task FindAsync_ContactOtherPhone_ReturnsContactsAccount()
    {
        var sut = await CreateSutAsync();
        await sut.UpsertAsync([Globex], [new CrmContact("con-9", "acc-2", null, null, "Ana", T0) { OtherPhones = ["21 97777-0000"] }]);

        var found = await sut.FindAsync(new Requester(Phone: "+5521977770000"));

        Assert.Equal("acc-2", found?.CrmId);
    }

    [Theory]
    [InlineData("someone@unknown.example", null)]
    [InlineData(null, "+1 415 555 0100")]
    [InlineData("not an address", "not a number")]
    [InlineData(null, null)]
    public async Task FindAsync_UnknownRequester_ReturnsNull(string? email, string? phone)
    {
        var sut = await CreateSeededSutAsync();

        var found = await sut.FindAsync(new Requester(Email: email, Phone: phone));

        Assert.Null(found);
    }

    [Fact]
    public async Task FindAsync_EmptyDirectory_ReturnsNull()
    {
        var sut = await CreateSutAsync();

        var found = await sut.FindAsync(new Requester(Email: "maria.silva@acme.com", Phone: "+551133334444"));

        Assert.Null(found);
    }

    [Fact]
    public async Task FindAsync_ContactWhoseAccountIsNotSynced_FallsBackToDomain()
    {
        var sut = await CreateSeededSutAsync();
        await sut.UpsertAsync([], [new CrmContact("con-7", "acc-not-yet-synced", "lee@acme.com", null, "Lee", T0)]);

        var found = await sut.FindAsync(new Requester(Email: "lee@acme.com"));

        Assert.Equal("acc-1", found?.CrmId);
    }

    [Fact]
    public async Task UpsertAsync_SamePageReplayed_ChangesNothing()
    {
        var sut = await CreateSeededSutAsync();
        var before = await SnapshotOfEveryKeyAsync(sut);

        await sut.UpsertAsync([Acme, Globex, Careless], [Maria, Joao, Pat]);

        Assert.Equal(new AccountDirectoryCount(3, 3), await sut.CountAsync());
        Assert.Equal(before, await SnapshotOfEveryKeyAsync(sut));
    }

    [Fact]
    public async Task UpsertAsync_AccountChangedDomainsAndPhones_OldKeysNoLongerMatch()
    {
        var sut = await CreateSeededSutAsync();
        var moved = Acme with { EmailDomains = ["acme.io"], Phones = ["+55 11 5555-6666"], ModifiedAt = T0.AddHours(1) };

        await sut.UpsertAsync([moved], []);

        Assert.Null(await sut.FindAsync(new Requester(Email: "new.person@acme.com")));
        Assert.Null(await sut.FindAsync(new Requester(Phone: "+55 11 3333-4444")));
        Assert.Equal("acc-1", (await sut.FindAsync(new Requester(Email: "new.person@acme.io")))?.CrmId);
        Assert.Equal("acc-1", (await sut.FindAsync(new Requester(Phone: "(11) 5555-6666")))?.CrmId);
    }

    [Fact]
    public async Task UpsertAsync_ContactChangedEmail_OldAddressNoLongerMatches()
    {
        var sut = await CreateSeededSutAsync();

        await sut.UpsertAsync([], [Joao with { Email = "joao@globex.com.br", ModifiedAt = T0.AddHours(1) }]);

        Assert.Null(await sut.FindAsync(new Requester(Email: "joao@gmail.com")));
        Assert.Equal("acc-2", (await sut.FindAsync(new Requester(Email: "JOAO@globex.com.br")))?.CrmId);
    }

    [Fact]
    public async Task UpsertAsync_ContactMovedToAnotherAccount_FindsTheNewAccount()
    {
        var sut = await CreateSeededSutAsync();

        await sut.UpsertAsync([], [Joao with { AccountCrmId = "acc-1", ModifiedAt = T0.AddHours(1) }]);

        Assert.Equal("acc-1", (await sut.FindAsync(new Requester(Email: "joao@gmail.com")))?.CrmId);
    }

    [Fact]
    public async Task UpsertAsync_AccountUpdated_FindReturnsNewPlanAndStatus()
    {
        var sut = await CreateSeededSutAsync();

        await sut.UpsertAsync([Acme with { Plan = "Enterprise", Status = "Active Customer", ModifiedAt = T0.AddHours(1) }], []);

        Assert.Equal(
            new AccountSnapshot("acc-1", "Acme Ltda", "Enterprise", "Active Customer"),
            await sut.FindAsync(new Requester(Email: "maria.silva@acme.com")));
    }

    [Fact]
    public async Task UpsertAsync_OlderVersionAfterNewer_KeepsTheNewer()
    {
        var sut = await CreateSeededSutAsync();
        await sut.UpsertAsync([Acme with { Plan = "Enterprise", EmailDomains = ["acme.io"], ModifiedAt = T0.AddHours(1) }], []);

        await sut.UpsertAsync([Acme], [Maria]);

        Assert.Equal("Enterprise", (await sut.FindAsync(new Requester(Email: "maria.silva@acme.com")))?.Plan);
        Assert.Null(await sut.FindAsync(new Requester(Email: "new.person@acme.com")));
    }

    [Fact]
    public async Task FindAsync_SupportExpired_ReportsTheExpiredStatus()
    {
        var sut = await CreateSutAsync();
        await sut.UpsertAsync([Acme with { SupportExpiresAt = Time.GetUtcNow().AddDays(-1) }], [Maria]);

        var found = await sut.FindAsync(new Requester(Email: "maria.silva@acme.com"));

        Assert.Equal(new AccountSnapshot("acc-1", "Acme Ltda", "Gold", "Expired"), found);
    }

    [Fact]
    public async Task FindAsync_SupportExpiresLater_ReportsCrmStatusUntilItExpires()
    {
        var sut = await CreateSutAsync();
        await sut.UpsertAsync([Acme with { SupportExpiresAt = Time.GetUtcNow().AddHours(1) }], [Maria]);
        var requester = new Requester(Email: "maria.silva@acme.com");

        var before = await sut.FindAsync(requester);
        Time.Advance(TimeSpan.FromHours(2));
        var after = await sut.FindAsync(requester);

        Assert.Equal("Customer", before?.Status);
        Assert.Equal("Expired", after?.Status);
    }

    [Fact]
    public async Task FindAsync_SupportExpiredAndNoExpiredStatusConfigured_ReportsCrmStatus()
    {
        var sut = await CreateSutAsync(o => o.ExpiredStatus = "");
        await sut.UpsertAsync([Acme with { SupportExpiresAt = Time.GetUtcNow().AddDays(-1) }], [Maria]);

        var found = await sut.FindAsync(new Requester(Email: "maria.silva@acme.com"));

        Assert.Equal("Customer", found?.Status);
    }

    [Fact]
    public async Task RemoveAsync_DeletedAccount_MatchesByNothingAnymore()
    {
        var sut = await CreateSeededSutAsync();

        await sut.RemoveAsync(["acc-1"], []);

        Assert.Null(await sut.FindAsync(new Requester(Email: "new.person@acme.com")));
        Assert.Null(await sut.FindAsync(new Requester(Phone: "+55 11 3333-4444")));
        Assert.Null(await sut.FindAsync(new Requester(Email: "maria.silva@acme.com")));
        Assert.Null(await sut.FindAsync(new Requester(Phone: "11 98888-7777")));
        Assert.Equal("acc-2", (await sut.FindAsync(new Requester(Email: "pat@acme.com")))?.CrmId);
        Assert.Equal("acc-2", (await sut.FindAsync(new Requester(Email: "x@globex.com.br")))?.CrmId);
        Assert.Equal(new AccountDirectoryCount(2, 3), await sut.CountAsync());
    }

    [Fact]
    public async Task RemoveAsync_DeletedContact_ItsAddressFallsBackToTheDomainAndItsPhoneMatchesNothing()
    {
        var sut = await CreateSeededSutAsync();

        await sut.RemoveAsync([], ["con-2", "con-1"]);

        Assert.Equal("acc-1", (await sut.FindAsync(new Requester(Email: "maria.silva@acme.com")))?.CrmId);
        Assert.Null(await sut.FindAsync(new Requester(Phone: "11 98888-7777")));
        Assert.Null(await sut.FindAsync(new Requester(Email: "joao@gmail.com")));
        Assert.Equal(new AccountDirectoryCount(3, 1), await sut.CountAsync());
    }

    [Fact]
    public async Task RemoveAsync_UnknownIdsAndARemovalReplayed_ChangeNothingElse()
    {
        var sut = await CreateSeededSutAsync();
        var before = await SnapshotOfEveryKeyAsync(sut);

        await sut.RemoveAsync(["acc-9"], ["con-9"]);
        await sut.RemoveAsync(["acc-3"], []);
        await sut.RemoveAsync(["acc-3"], []);

        Assert.Equal(before, await SnapshotOfEveryKeyAsync(sut));
        Assert.Equal(new AccountDirectoryCount(2, 3), await sut.CountAsync());
    }

    [Fact]
    public async Task RemoveAsync_AccountRestoredInTheCrmLater_MatchesAgainWhenSynced()
    {
        var sut = await CreateSeededSutAsync();
        await sut.RemoveAsync(["acc-1"], []);

        await sut.UpsertAsync([Acme with { ModifiedAt = T0.AddDays(1) }], []);

        Assert.Equal("acc-1", (await sut.FindAsync(new Requester(Email: "maria.silva@acme.com")))?.CrmId);
        Assert.Equal("acc-1", (await sut.FindAsync(new Requester(Email: "new.person@acme.com")))?.CrmId);
    }

    [Fact]
    public async Task CountAsync_AfterUpserts_CountsAccountsAndContacts()
    {
        var sut = await CreateSutAsync();
        var empty = await sut.CountAsync();

        await sut.UpsertAsync([Acme, Globex, Careless], [Maria, Joao, Pat]);

        Assert.Equal(new AccountDirectoryCount(0, 0), empty);
        Assert.Equal(new AccountDirectoryCount(3, 3), await sut.CountAsync());
    }

    protected Task<IAccountDirectoryStore> CreateSutAsync(Action<AccountDirectoryOptions>? configure = null)
    {
        var options = new AccountDirectoryOptions();
        configure?.Invoke(options);
        return CreateStoreAsync(options, Time);
    }

    private async Task<IAccountDirectoryStore> CreateSeededSutAsync(Action<AccountDirectoryOptions>? configure = null)
    {
        var sut = await CreateSutAsync(configure);
        await sut.UpsertAsync([Acme, Globex, Careless], [Maria, Joao, Pat]);
        return sut;
    }

    private static async Task<IReadOnlyList<AccountSnapshot?>> SnapshotOfEveryKeyAsync(IAccountDirectoryStore sut)
    {
        Requester[] requesters =
        [
            new(Email: "maria.silva@acme.com"), new(Email: "joao@gmail.com"), new(Email: "pat@acme.com"),
            new(Email: "x@acme.com"), new(Email: "x@globex.com.br"), new(Phone: "+551133334444"),
            new(Phone: "+552122221111"), new(Phone: "+5511988887777"),
        ];
        var found = new List<AccountSnapshot?>();
        foreach (var requester in requesters)
        {
            found.Add(await sut.FindAsync(requester));
        }

        Assert.All(found, Assert.NotNull);
        return found;
    }
}
