namespace Brands.Host.Infrastructure.Access;

internal enum TaskAction
{
    Claim,
    Unclaim,
    Complete,
    Assign,
}
