import { strict as assert } from 'node:assert';
import { CompletionRequest, type CompletionItem, type TextEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspHarness } from './harness';

/** `|` marks the cursor in these drafts. */
async function completeAt(server: LspHarness, uri: string, marked: string): Promise<{ items: CompletionItem[]; text: string; offset: number }> {
  const offset = marked.indexOf('|');
  const text = marked.replace('|', '');
  await server.open(uri, text);
  await server.diagnostics(uri);
  const document = TextDocument.create(uri, 'markdown', 1, text);
  const result = await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: document.positionAt(offset) });
  await server.close(uri);
  const items = Array.isArray(result) ? result : result?.items ?? [];
  return { items, text, offset };
}

function apply(text: string, item: CompletionItem): string {
  const document = TextDocument.create('file:///x.md', 'markdown', 1, text);
  return TextDocument.applyEdits(document, [item.textEdit as TextEdit]);
}

const REPORT = '2024年度乡镇党委书记述职报告\n\n一、主要做法\n\n（一）抓理论学习。全年组织集中学习24次。\n\n（二）抓队伍建设。一是选优配强村干部；二是加强教育培训。';

describe('completion from the language server', () => {
  let server: LspHarness;
  let count = 0;
  const uri = () => `file:///drafts/completion-${++count}.md`;
  before(async () => {
    server = new LspHarness();
    await server.initialize();
  });
  after(() => server.dispose());

  it('offers the next enumeration marker after an item ends', async () => {
    const { items, text } = await completeAt(server, uri(), `${REPORT}|`);
    assert.equal(items[0].label, '三是');
    assert.ok(apply(text, items[0]).endsWith('二是加强教育培训。三是'));
  });

  it('continues 第一，第二， and 首先、其次 runs with the right word', async () => {
    const di = await completeAt(server, uri(), '2024年度述职报告\n\n第一，要学习。第二，要落实。|');
    assert.equal(di.items[0].label, '第三，');
    const order = await completeAt(server, uri(), '2024年度述职报告\n\n首先，要学习。|');
    assert.equal(order.items[0].label, '其次');
  });

  it('offers （三） at the start of a line after （二）… content, and the parent’s next sibling', async () => {
    const { items, text } = await completeAt(server, uri(), `${REPORT}\n\n|`);
    const labels = items.map((item) => item.label);
    assert.ok(labels.indexOf('（三）') !== -1, labels.join(' '));
    assert.ok(labels.includes('二、'));
    assert.ok(!labels.includes('（一）') && !labels.includes('（二）'), 'never a number already used');
    assert.ok(apply(text, items.find((item) => item.label === '（三）')!).endsWith('\n\n（三）'));
  });

  it('replaces the bracket the user already typed', async () => {
    const { items, text } = await completeAt(server, uri(), `${REPORT}\n\n（|`);
    const third = items.find((item) => item.label === '（三）')!;
    assert.ok(apply(text, third).endsWith('\n\n（三）'));
    assert.ok(!apply(text, third).endsWith('（（三）'));
  });

  it('offers the next section the genre still lacks, numbered after the last one', async () => {
    const { items } = await completeAt(server, uri(), `${REPORT}\n\n|`);
    assert.ok(items.some((item) => item.label === '二、存在问题'), items.map((item) => item.label).join(' '));
    const done = await completeAt(server, uri(), `${REPORT}\n\n二、存在问题\n\n学习不够。\n\n|`);
    assert.ok(done.items.some((item) => item.label === '三、下步打算'));
    assert.ok(!done.items.some((item) => item.label.endsWith('存在问题')));
  });

  it('offers front-matter keys and genres inside front matter', async () => {
    const keys = await completeAt(server, uri(), '---\nauthor: 李明\n|\n---\n2024年度述职报告\n');
    const labels = keys.items.map((item) => item.label);
    assert.deepEqual(labels.sort(), ['date', 'profile', 'title', 'unit', 'year']);
    const genres = await completeAt(server, uri(), '---\nprofile: 述|\n---\n2024年度述职报告\n');
    assert.ok(genres.items.some((item) => item.label === '述责述廉报告'));
    assert.ok(apply(genres.text, genres.items.find((item) => item.label === '述责述廉报告')!).startsWith('---\nprofile: 述责述廉报告\n'));
  });

  it('offers nothing in the middle of a sentence', async () => {
    const { items } = await completeAt(server, uri(), '2024年度述职报告\n\n一是加强学|习。');
    assert.deepEqual(items, []);
  });
});
