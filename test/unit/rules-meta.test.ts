import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../server/src/core/rules/index';
import { DEFAULT_FONTS } from '../../server/src/export/layout';
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

describe('what derives from rule metadata does not drift', () => {
  const SEVERITY_LABEL: Record<string, string> = { error: '错误', warning: '警告', info: '提示', hint: '建议' };
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

  it('offers every rule, and only those, in the shuzhi.rules setting with the severity enum', () => {
    const properties = manifest.contributes.configuration.properties['shuzhi.rules'].properties as Record<string, { enum: string[]; description: string }>;
    assert.deepEqual(Object.keys(properties), RULES.map((rule) => rule.meta.id));
    for (const { meta } of RULES) {
      assert.deepEqual(properties[meta.id].enum, ['off', 'error', 'warning', 'info', 'hint']);
      // The settings UI shows this beside the rule id: its Chinese name, what it finds, its default.
      assert.equal(properties[meta.id].description, `${meta.name}：${meta.description}（默认：${SEVERITY_LABEL[meta.defaultSeverity]}）`);
    }
  });

  it('offers every built-in genre in the shuzhi.profile setting, each described, and shows the default fonts', () => {
    const { properties } = manifest.contributes.configuration;
    const { genres } = JSON.parse(readFileSync(join(ROOT, 'server', 'src', 'data', 'profiles.json'), 'utf8')) as { genres: Array<{ id: string }> };
    assert.deepEqual([...properties['shuzhi.profile'].enum].sort(), ['', ...genres.map((genre) => genre.id)].sort());
    assert.ok((properties['shuzhi.profile'].enumDescriptions as string[]).every((description) => description.length > 0));
    assert.deepEqual(properties['shuzhi.export.fonts'].default, DEFAULT_FONTS);
  });

  it('makes every command and the settings findable by 述职报告 in any display language', () => {
    const nls = ['package.nls.json', 'package.nls.zh-cn.json'].map((file) => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Record<string, string>);
    for (const command of manifest.contributes.commands as Array<{ command: string; title: string; category: string }>) {
      assert.equal(command.category, '%command.category%', command.command);
      for (const strings of nls) assert.ok(strings[command.title.slice(1, -1)], `${command.title} is translated`);
    }
    for (const strings of nls) {
      assert.match(strings['command.category'], /述职报告/);
      assert.match(strings['configuration.title'], /述职报告助手/);
    }
  });

  it('lets the settings search find every setting by the product name, each described in Chinese', () => {
    const [english, chinese] = ['package.nls.json', 'package.nls.zh-cn.json'].map((file) => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Record<string, string>);
    const properties = manifest.contributes.configuration.properties as Record<string, { keywords?: string[]; markdownDescription?: string; description?: string; enumItemLabels?: string[] }>;
    for (const [key, property] of Object.entries(properties)) {
      // The settings editor searches a setting's keywords with its description.
      assert.ok(property.keywords?.includes('述职报告助手'), `${key} has the keyword 述职报告助手`);
      const description = property.markdownDescription ?? property.description ?? '';
      assert.match(description, /^%[^%]+%$/, `${key} is described through the translation files`);
      const id = description.slice(1, -1);
      assert.ok(english[id], `${key}: English description`);
      assert.match(chinese[id] ?? '', /[\u4e00-\u9fff]/, `${key}: Chinese description`);
      for (const label of property.enumItemLabels ?? []) assert.match(chinese[label.slice(1, -1)] ?? '', /[\u4e00-\u9fff]/, `${key}: ${label}`);
    }
    // Every %key% the manifest uses is translated both ways.
    for (const [, id] of JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/g)) {
      assert.ok(english[id] && chinese[id], `${id} is in both translation files`);
    }
  });

  it('lists every rule in the README table with its default severity', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const { meta } of RULES) {
      assert.match(readme, new RegExp(`\\| \\[${meta.id}\\]\\(docs/rules/${meta.id}\\.md\\) \\| ${SEVERITY_LABEL[meta.defaultSeverity]} \\|`), meta.id);
    }
  });

  it('states each rule\'s default severity and fixability at the head of its docs page', () => {
    for (const { meta } of RULES) {
      const head = readFileSync(join(ROOT, meta.docs), 'utf8').split('\n').slice(0, 4).join('\n');
      assert.match(head, new RegExp(`默认级别：${SEVERITY_LABEL[meta.defaultSeverity]}`), meta.id);
      assert.match(head, new RegExp(`可自动修复：${meta.fixable ? '(是|部分)' : '否'}`), meta.id);
    }
  });

  it('knows every unit the missing-number page names', () => {
    const page = readFileSync(join(ROOT, 'docs', 'rules', 'missing-number.md'), 'utf8');
    const listed = /覆盖的量词和单位：([^，\n]+)/.exec(page)![1].split(/\s+/).filter(Boolean);
    const units = new Set((JSON.parse(readFileSync(join(ROOT, 'server', 'src', 'data', 'units.json'), 'utf8')).units as Array<{ unit: string }>).map((entry) => entry.unit));
    assert.deepEqual(listed.filter((unit) => !units.has(unit)), []);
  });
});
