namespace SyncHub.Adapters;

/// <summary>
/// A person at a customer account. The directory finds a requester's account through its contact's e-mail
/// address or phone number; <see cref="ModifiedAt"/> orders versions like <see cref="CrmAccount.ModifiedAt"/>.
/// </summary>
/// <param name="CrmId">The CRM's own id of the contact.</param>
/// <param name="AccountCrmId">The CRM id of the contact's account; null for a contact without one.</param>
/// <param name="Email">The contact's main e-mail address.</param>
/// <param name="Phone">The contact's main phone number as written in the CRM.</param>
/// <param name="Name">The contact's full name.</param>
/// <param name="ModifiedAt">The CRM's last modification time of the contact.</param>
public sealed record CrmContact(
    string CrmId,
    string? AccountCrmId,
    string? Email,
    string? Phone,
    string? Name,
    DateTimeOffset ModifiedAt)
{
    /// <summary>Further addresses of the contact (a secondary e-mail field).</summary>
    public IReadOnlyList<string> OtherEmails { get; init; } = [];

    /// <summary>Further numbers of the contact (mobile, home phone...).</summary>
    public IReadOnlyList<string> OtherPhones { get; init; } = [];
}
