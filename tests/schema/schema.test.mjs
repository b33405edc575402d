// Every YAML file under the example site's pricing/ (and the test fixtures'
// valid pricing) validates against the JSON Schema for its kind in docs/schema,
// so editors that use the schemas accept what costsite accepts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import YAML from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const schema = (name) => JSON.parse(readFileSync(join(root, 'docs/schema', name), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validators = {
  provider: ajv.compile(schema('price-list.schema.json')),
  rates: ajv.compile(schema('rates.schema.json')),
  model: ajv.compile(schema('model.schema.json')),
  units: ajv.compile(schema('units.schema.json')),
};

function yamlFiles(dir) {
  return readdirSync(dir).sort().flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return yamlFiles(p);
    return /\.ya?ml$/.test(name) ? [p] : [];
  });
}

// YAML 1.2 core schema keeps dates as strings, as the schemas expect.
const load = (p) => YAML.parse(readFileSync(p, 'utf8'), { schema: 'core' });
const kindOf = (doc) => Object.keys(validators).find((k) => doc && k in doc);

for (const dir of ['pricing', 'tests/fixtures/pricing/basic/pricing']) {
  test(`${dir}: every file matches its schema`, () => {
    const files = yamlFiles(join(root, dir));
    assert.ok(files.length > 0);
    for (const file of files) {
      const doc = load(file);
      const kind = kindOf(doc);
      assert.ok(kind, `${file}: no provider, rates, units or model key`);
      const ok = validators[kind](doc);
      assert.ok(ok, `${file}: ${ajv.errorsText(validators[kind].errors)}`);
    }
  });
}

test('the schemas reject what costsite rejects', () => {
  assert.equal(validators.model({ model: 'm', items: { a: { formula: 1, bogus: 2 } } }), false);
  assert.equal(validators.provider({ provider: 'p', prices: [{ id: 'x' }] }), false);  // no price
  assert.equal(validators.rates({ rates: [{ base: 'usd', quote: 'CNY', rate: 7, date: '2025-01-01' }] }), false);
  assert.equal(validators.units({ units: { 'call-s': { zh: '调用', en: 'call' } } }), false);  // not a unit name
  assert.equal(validators.units({ units: { vcpu: { zh: 'vCPU', en: ['vCPU'] } } }), false);  // [singular, plural]
});

// `costsite actuals --json` (docs/commands.md) against its schema, on the
// fixture export; skipped when the test runs without the built binary.
test('costsite actuals --json matches docs/schema/actuals.schema.json', { skip: !process.env.COSTSITE_BINARY }, async () => {
  const { execFileSync } = await import('node:child_process');
  const validate = ajv.compile(schema('actuals.schema.json'));
  const site = join(root, 'tests/fixtures/actuals/basic');
  for (const args of [['--group', 'ServiceName,tag:team'], ['--measure', 'ContractedCost', '--period', '2024-09'], []]) {
    const out = execFileSync(process.env.COSTSITE_BINARY, ['actuals', '--source', site, '--json', ...args], { encoding: 'utf8' });
    const doc = JSON.parse(out);
    assert.ok(validate(doc), ajv.errorsText(validate.errors));
    assert.ok(doc.groups.length > 0);
  }
  assert.equal(validate({ measure: 'BilledCost', group_by: [], period: null, currency: null, files: [], lines_read: 0,
    lines_selected: 0, groups: [], totals: [{ currency: 'USD', total: '1.50', lines: 1, empty_lines: 0 }] }), false);
});
