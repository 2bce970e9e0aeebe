import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { planJsonSchemaText } from '../domain/plan-json-schema';

/** `npm run schema`: regenerates docs/plan.schema.json from the zod schema. */
const target = path.resolve(__dirname, '../../../docs/plan.schema.json');
writeFileSync(target, planJsonSchemaText());
process.stdout.write(`wrote ${target}\n`);
