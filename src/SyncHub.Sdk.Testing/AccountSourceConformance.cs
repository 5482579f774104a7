using SyncHub.Adapters;


namespace SyncHub.Sdk.Testing;

/// <summary>
/// The conformance tests of an <see cref="IAccountSource"/> (a CRM read into the account directory): the polling
/// contract of <see cref="HttpSourceConformance{TSource, TPage}"/> over pages of accounts and contacts, each with a CRM
/// id (items are identified as <c>account:{CrmId}</c> and <c>contact:{CrmId}</c>).
/// </summary>
/// <typeparam name="TSource">The account source type.</typeparam>
public abstract class AccountSourceConformance<TSource> : HttpSourceConformance<TSource, AccountPage>
    where TSource : class, IAccountSource
{
    /// <summary>Reads pages of accounts and contacts.</summary>
    protected AccountSourceConformance()
        : base(AccountPages<TSource>.Instance)
    {
    }
}
