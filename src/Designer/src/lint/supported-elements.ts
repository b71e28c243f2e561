/** What the server's validator accepts, as GET /api/definitions/supported-elements reports it. */
export interface SupportedElements {
  /** Kinds (see element-kind.ts) a file may contain. */
  supported: string[];
  /** Kinds the validator refuses, with the reason it gives. */
  unsupported: Record<string, string>;
}
