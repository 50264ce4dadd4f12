import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { DOCUMENT_TEMPLATES, expandSnippet } from "../core/index";
import { rulePage, ruleIdsWithPages } from "../cli/rule-pages";
import commonSchema from "../../../schemas/common.schema.json";
import datasetSchema from "../../../schemas/dataset-manifest.schema.json";
import configSchema from "../../../schemas/genesis-config.schema.json";
import modelCardSchema from "../../../schemas/model-card.schema.json";
import pipelineSchema from "../../../schemas/pipeline-config.schema.json";

/**
 * The resources the server offers: the JSON Schemas of schemas/, the rule pages, and the templates
 * of new documents, the very texts the project ships, bundled into the server at build time (never
 * read from a folder at run time).
 */

/** Each schema by its file name in schemas/. */
export const SCHEMAS: Readonly<Record<string, unknown>> = {
  "common.schema.json": commonSchema,
  "dataset-manifest.schema.json": datasetSchema,
  "genesis-config.schema.json": configSchema,
  "model-card.schema.json": modelCardSchema,
  "pipeline-config.schema.json": pipelineSchema,
};

export const RESOURCE_SCHEME = "genesis";

export function registerResources(server: McpServer): void {
  for (const [file, schema] of Object.entries(SCHEMAS)) {
    const uri = `${RESOURCE_SCHEME}://schemas/${file}`;
    server.registerResource(
      `schema ${file}`,
      uri,
      { title: `JSON Schema ${file}`, description: "A JSON Schema of Genesis documents (schemas/).", mimeType: "application/schema+json" },
      () => ({ contents: [{ uri, mimeType: "application/schema+json", text: `${JSON.stringify(schema, null, 2)}\n` }] }),
    );
  }
  for (const id of ruleIdsWithPages()) {
    const uri = `${RESOURCE_SCHEME}://rules/${id}`;
    server.registerResource(
      `rule ${id}`,
      uri,
      { title: `Rule ${id}`, description: "What the rule checks, why, and how to fix it.", mimeType: "text/markdown" },
      () => ({ contents: [{ uri, mimeType: "text/markdown", text: rulePage(id) ?? "" }] }),
    );
  }
  for (const template of DOCUMENT_TEMPLATES) {
    const uri = `${RESOURCE_SCHEME}://templates/${template.id}`;
    const mimeType =
      template.language === "markdown" ? "text/markdown" : template.language === "json" ? "application/json" : "application/yaml";
    server.registerResource(
      `template ${template.id}`,
      uri,
      { title: template.description, description: `A new ${template.fileName("<id>")}, as genesis-readiness init writes it.`, mimeType },
      () => ({ contents: [{ uri, mimeType, text: expandSnippet(template.body) }] }),
    );
  }
}
