import { supportedElementsRule } from './supported-elements-rule';
import type { SupportedElements } from './supported-elements';

/** The rule's name in bpmnlint's notation: package `bpmnlint-plugin-brands`, rule `supported-elements`. */
export const supportedElementsRuleName = 'brands/supported-elements';

/** What bpmn-js-bpmnlint's `linting.bpmnlint` option and `setLinterConfig` take. */
export interface LinterConfig {
  config: { rules: Record<string, unknown> };
  resolver: {
    resolveRule(pkg: string, ruleName: string): unknown;
    resolveConfig(pkg: string, configName: string): unknown;
  };
}

/**
 * The editor's lint configuration: only the rules that mirror the server's validator, so a flag in the editor
 * always means the server would refuse the file. The supported list travels as the rule's configuration.
 */
export function createLinterConfig(supported: SupportedElements): LinterConfig {
  return {
    config: { rules: { [supportedElementsRuleName]: ['error', supported] } },
    resolver: {
      resolveRule(pkg, ruleName) {
        if (pkg === 'bpmnlint-plugin-brands' && ruleName === 'supported-elements') {
          return supportedElementsRule;
        }

        throw new Error(`unknown rule ${pkg}/${ruleName}`);
      },
      resolveConfig(pkg, configName) {
        throw new Error(`unknown config ${pkg}/${configName}`);
      },
    },
  };
}
