using Brands.Host.Infrastructure.Documents;
using Brands.Workflows.Persistence;
using MediatR;

namespace Brands.Host.Infrastructure.Access;

/// <summary>
/// The one place where requests are authorised, before their handlers run: by the <see cref="IAccessRule"/> each
/// request declares. What it finds (the case, the task, who is acted for, the case's owner) goes to
/// <see cref="AccessDecision"/> for the handler. A request that declares no rule is refused.
/// </summary>
internal sealed class AuthorizationBehavior<TRequest, TResponse>(AccessScope scope, CaseAccess access, AccessDecision decision, DocumentStore documents)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        switch (request)
        {
            case IAnonymousRequest or ISelfRequest or ISignedInRequest or IScopedQuery:
                break;
            case IAdminRequest when !scope.User.IsNationalAdmin:
                throw new AccessDeniedException("Only national administrators may do this.");
            case IAdminRequest:
                break;
            case ICaseRequest caseRequest:
                decision.Case = await access.VisibleCaseAsync(scope.User, caseRequest.CaseId, cancellationToken);
                break;
            case IDocumentRequest documentRequest:
                decision.Case = await VisibleCaseOfDocumentAsync(documentRequest.DocumentId, cancellationToken);
                break;
            case ITaskRequest taskRequest:
                var found = await access.VisibleTaskAsync(scope.User, taskRequest.TaskId, cancellationToken);
                decision.Task = found.Task;
                decision.Case = found.Instance;
                decision.OnBehalfOf = CaseAccess.Decide(scope.User, found.Task, taskRequest.Action);
                break;
            case IStartCaseRequest start when !string.IsNullOrWhiteSpace(start.DefinitionKey):
                decision.Owner = await access.AuthorizeStartAsync(scope.User, start.DefinitionKey, start.OrganisationCode, cancellationToken);
                break;
            case IStartCaseRequest:
                // Refused by its validation, which runs next.
                break;
            default:
                throw new InvalidOperationException($"{typeof(TRequest).FullName} declares no access rule ({nameof(IAccessRule)}).");
        }

        return await next();
    }

    /// <summary>The same 404 for a document that does not exist and one of a case the user may not see.</summary>
    private async Task<InstanceRecord> VisibleCaseOfDocumentAsync(Guid documentId, CancellationToken cancellationToken)
    {
        try
        {
            var caseId = await documents.CaseIdOfAsync(documentId, cancellationToken) ?? throw new NotVisibleException("document", documentId);
            return await access.VisibleCaseAsync(scope.User, caseId, cancellationToken);
        }
        catch (NotVisibleException)
        {
            throw new NotVisibleException("document", documentId);
        }
    }
}
