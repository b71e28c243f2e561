namespace Brands.Host.Infrastructure.Access;

/// <summary>
/// Every MediatR request declares which access rule <see cref="AuthorizationBehavior{TRequest, TResponse}"/>
/// applies to it by implementing exactly one of these; a request that declares none is refused (fail closed).
/// </summary>
internal interface IAccessRule;

/// <summary>Anyone, signed in or not (sign-in itself).</summary>
internal interface IAnonymousRequest : IAccessRule;

/// <summary>The signed-in user acting on their own account only.</summary>
internal interface ISelfRequest : IAccessRule;

/// <summary>Any signed-in user: data that holds nothing of any case (form schemas, README "Forms").</summary>
internal interface ISignedInRequest : IAccessRule;

/// <summary>National administrators only.</summary>
internal interface IAdminRequest : IAccessRule;

/// <summary>A query whose handler filters what it returns by <see cref="AccessScope"/> (lists).</summary>
internal interface IScopedQuery : IAccessRule;

/// <summary>Reads one case: 404 unless the user may see it.</summary>
internal interface ICaseRequest : IAccessRule
{
    Guid CaseId { get; }
}

/// <summary>Reads one document: 404 unless the user may see the case it belongs to (README "Documents").</summary>
internal interface IDocumentRequest : IAccessRule
{
    Guid DocumentId { get; }
}

/// <summary>Acts on one task: 404 unless the user may see it, 403 unless the task rules of README "API" lets them do <see cref="Action"/>.</summary>
internal interface ITaskRequest : IAccessRule
{
    Guid TaskId { get; }
    TaskAction Action { get; }
}

/// <summary>Starts a case of a process: the process's candidate starters, and who may own the case.</summary>
internal interface IStartCaseRequest : IAccessRule
{
    string? DefinitionKey { get; }
    string? OrganisationCode { get; }
}
