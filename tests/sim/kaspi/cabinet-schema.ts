import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, type GraphQLSchema } from 'graphql';

/** The schema file the app's client is validated against: one source of the cabinet's types. */
export const CABINET_SCHEMA_PATH = fileURLToPath(new URL('../../../src-main/kaspi/cabinet-schema.graphql', import.meta.url));

let schema: GraphQLSchema | undefined;

export function cabinetSchema(): GraphQLSchema {
  schema ??= buildSchema(readFileSync(CABINET_SCHEMA_PATH, 'utf8'));
  return schema;
}
