import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../server/src/core/rules/index';
import schema from '../../schemas/shuzhirc.schema.json';

const ROOT = join(__dirname, '..', '..');

describe('rule metadata', () => {
  it('gives every rule a unique stable id, a Chinese description, a severity and a docs page', () => {
    const ids = RULES.map((rule) => rule.meta.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const { meta } of RULES) {
      assert.match(meta.id, /^[a-z]+(-[a-z]+)*$/);
      assert.match(meta.description, /[\u4e00-\u9fff]/);
      assert.match(meta.name, /^[\u4e00-\u9fff]{2,6}$/, `${meta.id} has a short Chinese name`);
      assert.ok(['error', 'warning', 'info', 'hint'].includes(meta.defaultSeverity));
      assert.equal(meta.docs, `docs/rules/${meta.id}.md`);
      const page = join(ROOT, meta.docs);
      assert.ok(existsSync(page), `${meta.docs} is missing`);
      assert.match(readFileSync(page, 'utf8'), new RegExp(`^# ${meta.id} — `));
    }
  });

  it('lists every rule id in the configuration schema', () => {
    assert.deepEqual(schema.properties.rules.propertyNames.enum, RULES.map((rule) => rule.meta.id));
  });
});
