/** The part of a Camunda 7 element template (README "Element templates") that our code reads. */
export interface ElementTemplate {
  id: string;
  name: string;
  description?: string;
  version?: number;
  appliesTo: string[];
  properties: unknown[];
}
