import { readFileSync } from 'node:fs';
import path from 'node:path';
import { planJsonSchema, planJsonSchemaText } from './plan-json-schema';

describe(planJsonSchema.name, () => {
  test('when docs/plan.schema.json is compared with the zod schema, then it is current (run npm run schema if not)', () => {
    const committed = readFileSync(path.resolve(__dirname, '../../docs/plan.schema.json'), 'utf8');
    expect(committed).toBe(planJsonSchemaText());
  });

  test('when generated, then it names the required top-level fields and the value types', () => {
    const text = JSON.stringify(planJsonSchema());
    expect(planJsonSchema().required).toEqual(['organisation', 'units', 'plans']);
    expect(text).toContain('"yesno"');
    expect(text).toContain('"atLeast"');
  });
});
