namespace Brands.Host.Infrastructure.Access;

internal enum TaskAction
{
    Claim,
    Unclaim,
    Complete,
    Assign,
    /// <summary>Anything anyone who may see the task may do: attaching a document, say.</summary>
    Attach,
}
