import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

/** Output goes into the host's wwwroot (README "The designer"); the host serves it under /designer. */
const outDir = resolve(import.meta.dirname, '../Host/Brands.Host/wwwroot/designer');

/** Vendor code in a few chunks by tool, so no chunk holds the whole tool chain and the viewer loads only its part. */
function chunkName(id: string): string | null {
  if (!id.includes('node_modules')) {
    return null;
  }

  if (/node_modules\/(@codemirror|@lezer|@marijn|@bpmn-io\/feel[\w-]*|feelin|lezer[\w-]*|crelt|style-mod|w3c-keyname)\//.test(id)) {
    return 'expression-editor';
  }

  if (/node_modules\/(bpmn-js-properties-panel|bpmn-js-element-templates|@bpmn-io\/element-templates-validator|@bpmn-io\/properties-panel|camunda-bpmn-js-behaviors|@camunda|preact|focus-trap|tabbable)\//.test(id)) {
    return 'properties-panel';
  }

  if (/node_modules\/(bpmnlint|bpmn-js-bpmnlint|bpmnlint-utils)\//.test(id)) {
    return 'lint';
  }

  // The form editor apart from the form viewer, so pages that only show a form do not load the editor.
  if (/node_modules\/@bpmn-io\/(form-js-editor|draggle)\//.test(id)) {
    return 'form-js-editor';
  }

  if (/node_modules\/@bpmn-io\/form-js[\w-]*\//.test(id)) {
    return 'form-js';
  }

  if (/node_modules\/(bpmn-js-token-simulation|randomcolor)\//.test(id)) {
    return 'token-simulation';
  }

  if (/node_modules\/(bpmn-moddle|moddle|moddle-xml|saxen|camunda-bpmn-moddle)\//.test(id)) {
    return 'moddle';
  }

  if (/node_modules\/diagram-js\//.test(id)) {
    return 'diagram-js';
  }

  if (/node_modules\/bpmn-js\//.test(id)) {
    return 'bpmn-js';
  }

  return 'vendor';
}

/** Entries that pages outside this bundle load by a fixed name. */
const stableEntries = new Set(['viewer', 'form-viewer', 'task-page']);

export default defineConfig({
  base: '/designer/',
  // form-js-editor pins an older preact of its own, but renders form-js-viewer's components and the properties panel,
  // which use the root copy: two copies break hooks, so every import resolves to the root preact (10.x is compatible).
  resolve: { dedupe: ['preact'] },
  build: {
    outDir,
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      input: {
        designer: resolve(import.meta.dirname, 'designer.html'),
        'sign-in': resolve(import.meta.dirname, 'sign-in.html'),
        forms: resolve(import.meta.dirname, 'forms.html'),
        'form-viewer': resolve(import.meta.dirname, 'src/form-viewer/form-viewer.ts'),
        viewer: resolve(import.meta.dirname, 'src/viewer/diagram-viewer.ts'),
        'task-page': resolve(import.meta.dirname, 'src/task-page/task-page.ts'),
      },
      // Keep the viewers' exports even though no page of this bundle imports them: the case view and inbox do.
      preserveEntrySignatures: 'exports-only',
      output: {
        // The viewers and the web app's page scripts have stable addresses (/designer/assets/viewer.js, form-viewer.js,
        // task-page.js) for the host's pages outside this bundle.
        entryFileNames: chunk => (stableEntries.has(chunk.name) ? `assets/${chunk.name}.js` : 'assets/[name]-[hash].js'),
        codeSplitting: { groups: [{ name: chunkName, debugName: 'by tool' }] },
      },
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
  },
});
