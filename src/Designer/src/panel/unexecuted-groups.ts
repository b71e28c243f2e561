/**
 * Groups of the Camunda 7 properties panel for attributes the engine does not execute (README "The engine": connectors,
 * field injection, generated form fields and their business key, tasklist start, external task priority, external
 * task error definitions): hidden, so the panel offers exactly what runs.
 */
export const unexecutedGroupIds: ReadonlySet<string> = new Set([
  'CamundaPlatform__ConnectorInput',
  'CamundaPlatform__ConnectorOutput',
  'CamundaPlatform__FieldInjection',
  'CamundaPlatform__FormData',
  'CamundaPlatform__BusinessKey',
  'CamundaPlatform__Tasklist',
  'CamundaPlatform__ExternalTask',
  'CamundaPlatform__Errors',
]);

/** The groups without those the engine does not execute. */
export function withoutUnexecutedGroups<T extends { id: string }>(groups: T[]): T[] {
  return groups.filter(group => !unexecutedGroupIds.has(group.id));
}
