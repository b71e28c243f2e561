namespace Brands.Workflows;

/// <summary>
/// Who a case belongs to, as a host scopes access by it: stored on the case row (<c>organisation_code</c>,
/// <c>province</c>, <c>case_type</c>, <c>year</c>) when it starts, and copied to every case it calls.
/// </summary>
public sealed record CaseAttributes(string? OrganisationCode, string? Province, string? CaseType = null, int? Year = null);
