namespace Brands.Host.Infrastructure.Access;

internal enum TaskAction
{
    /// <summary>Reads the task or comments on it: anyone who may see it.</summary>
    View,
    Claim,
    Unclaim,
    Complete,
    Assign,
}
