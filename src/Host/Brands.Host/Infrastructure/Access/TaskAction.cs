namespace Brands.Host.Infrastructure.Access;

internal enum TaskAction
{
    /// <summary>Reads the task or comments on it: anyone who may see it.</summary>
    View,
    Claim,
    Unclaim,
    Complete,
    Assign,
    /// <summary>Anything anyone who may see the task may do: attaching a document, say.</summary>
    Attach,
}
