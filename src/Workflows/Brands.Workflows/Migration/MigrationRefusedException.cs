namespace Brands.Workflows.Migration;

/// <summary>Inside the migration of one case: the case cannot move; its command writes nothing.</summary>
internal sealed class MigrationRefusedException(IReadOnlyList<MigrationProblem> problems)
    : Exception(string.Join(" ", problems.Select(p => p.Message)))
{
    public IReadOnlyList<MigrationProblem> Problems { get; } = problems;
}
