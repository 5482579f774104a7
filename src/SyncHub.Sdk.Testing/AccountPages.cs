using SyncHub.Adapters;


namespace SyncHub.Sdk.Testing;

/// <summary>
/// The <see cref="PageShape{TSource, TPage}"/> of an <see cref="IAccountSource"/>: pages of CRM accounts and contacts,
/// identified as <c>account:{CrmId}</c> and <c>contact:{CrmId}</c>.
/// </summary>
/// <typeparam name="TSource">The account source type.</typeparam>
public sealed class AccountPages<TSource> : PageShape<TSource, AccountPage>
    where TSource : IAccountSource
{
    /// <summary>The one instance.</summary>
    public static AccountPages<TSource> Instance { get; } = new();

    private AccountPages()
    {
    }

    /// <inheritdoc />
    public override string NameOf(TSource source) => source.Name;

    /// <inheritdoc />
    public override Task<AccountPage> FetchAsync(TSource source, string? cursor, CancellationToken cancellationToken) =>
        source.FetchAsync(cursor, cancellationToken);

    /// <inheritdoc />
    public override IReadOnlyList<string> IdsOf(AccountPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return [.. page.Accounts.Select(a => "account:" + a.CrmId), .. page.Contacts.Select(c => "contact:" + c.CrmId)];
    }

    /// <inheritdoc />
    public override string? CursorOf(AccountPage page) => page.NextCursor;

    /// <inheritdoc />
    public override bool HasMore(AccountPage page) => page.HasMore;

    /// <inheritdoc />
    public override void AssertConforms(AccountPage page, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(page);
        foreach (var account in page.Accounts)
        {
            Assert.False(string.IsNullOrWhiteSpace(account.CrmId), $"{sourceName}: an account has no CRM id");
            Assert.False(string.IsNullOrWhiteSpace(account.Name), $"{sourceName}: account {account.CrmId} has no name");
            Assert.NotEqual(default, account.ModifiedAt);
            Assert.All(account.EmailDomains, d => Assert.False(string.IsNullOrWhiteSpace(d), $"{sourceName}: account {account.CrmId} has a blank e-mail domain"));
        }

        foreach (var contact in page.Contacts)
        {
            Assert.False(string.IsNullOrWhiteSpace(contact.CrmId), $"{sourceName}: a contact has no CRM id");
            Assert.NotEqual(default, contact.ModifiedAt);
        }
    }
}
