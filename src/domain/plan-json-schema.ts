import { z } from 'zod';
import { PlanFileSchema } from './plan-format';

/** The import format as JSON Schema, generated from the zod schema (docs/plan.schema.json). */
export function planJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(PlanFileSchema, { io: 'input', target: 'draft-2020-12' });
  return {
    ...schema,
    $id: 'https://utfall.example/plan.schema.json',
    title: 'Utfall plan import',
    description: 'A verksamhetsplan for import into Utfall (see plan-format.md). Generated from src/domain/plan-format.ts; do not edit.',
  };
}

export function planJsonSchemaText(): string {
  return `${JSON.stringify(planJsonSchema(), null, 2)}\n`;
}
