import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allRuleSetJsonSchemas } from '../../src/rules/schema/json-schema-export.js';

// Editors validate rule files and plugin packs against rules/schema/*.json: they must say what the service enforces.
describe('the JSON Schemas for editors in rules/schema/', () => {
  it.each(Object.entries(allRuleSetJsonSchemas()))('%s.schema.json is current (regenerate with ./retention rules schema)', (name, schema) => {
    expect(JSON.parse(readFileSync(`rules/schema/${name}.schema.json`, 'utf8'))).toEqual(schema);
  });
});
