namespace SyncHub.Adapters;

/// <summary>
/// A customer account as a CRM holds it, mapped to what ticket creation needs. <see cref="EmailDomains"/> and
/// <see cref="Phones"/> are look-up keys (raw CRM values are fine: the directory normalises them);
/// <see cref="ModifiedAt"/> orders versions, so a replayed older page never overwrites a newer account.
/// </summary>
/// <param name="CrmId">The CRM's own id of the account.</param>
/// <param name="Name">The account (company) name.</param>
/// <param name="Plan">The plan or product the account bought (the SLA table's row), if any.</param>
/// <param name="Status">The CRM account status (customer, trial, potential customer...), if any.</param>
/// <param name="SupportExpiresAt">When paid support ends; past it the directory reports the configured expired status.</param>
/// <param name="EmailDomains">The account's e-mail domains (or websites they are taken from).</param>
/// <param name="Phones">The account's phone numbers as written in the CRM.</param>
/// <param name="ModifiedAt">The CRM's last modification time of the account.</param>
public sealed record CrmAccount(
    string CrmId,
    string Name,
    string? Plan,
    string? Status,
    DateTimeOffset? SupportExpiresAt,
    IReadOnlyList<string> EmailDomains,
    IReadOnlyList<string> Phones,
    DateTimeOffset ModifiedAt);
