import assert from 'node:assert/strict';
import path from 'node:path';
import { walkFiles, type WalkOptions } from '../../server/src/workspace/files';
import { makeTree, removeTree } from './helpers';

async function collect(roots: string[], options: WalkOptions = {}): Promise<string[]> {
  const out: string[] = [];
  for await (const f of walkFiles(roots, options)) out.push(f.split(path.sep).join('/'));
  return out;
}

describe('workspace/files walkFiles', () => {
  let dir: string;
  let cwd: string;
  before(() => {
    dir = makeTree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.git/info/exclude': 'local-only.py\n',
      '.git/hooks/post.py': '',
      '.gitignore': 'build/\n*.tmp.py\n!keep.tmp.py\nnested/skipme.py\n',
      'a.py': '',
      'b.sql': '',
      'c.ipynb': '{}',
      'readme.txt': '',
      'local-only.py': '',
      'x.tmp.py': '',
      'keep.tmp.py': '',
      'build/out.py': '',
      'node_modules/pkg/index.py': '',
      'nested/.gitignore': 'secret/\n',
      'nested/ok.py': '',
      'nested/skipme.py': '',
      'nested/secret/hidden.py': '',
      'nested/deeper/.gitignore': '!*.py\n',
      'nested/deeper/z.py': '',
      'linked/real.py': '',
      'linked/loop': { symlink: '..' },
      'linked/again': { symlink: '.' },
      'dangling.py': { symlink: 'does-not-exist.py' },
    });
    cwd = process.cwd();
    process.chdir(dir);
  });
  after(() => {
    process.chdir(cwd);
    removeTree(dir);
  });

  it('yields scannable files in order, skipping .git, node_modules and ignored paths', async () => {
    const errors: string[] = [];
    const files = await collect(['.'], { onError: (p, m) => errors.push(`${p}: ${m}`) });
    assert.deepEqual(files, ['a.py', 'b.sql', 'c.ipynb', 'keep.tmp.py', 'linked/real.py', 'nested/deeper/z.py', 'nested/ok.py']);
    assert.ok(errors.some((e) => e.startsWith('dangling.py: ')), errors.join('\n'));
    assert.ok(errors.some((e) => /^linked\/(loop|again): symbolic link loop/.test(e)), errors.join('\n'));
  });

  it('honours .gitignore files above a folder given below the repository root', async () => {
    assert.deepEqual(await collect(['nested']), ['nested/deeper/z.py', 'nested/ok.py']);
  });

  it('skips an ignored file given explicitly, and says so', async () => {
    const ignored: string[] = [];
    const files = await collect(['x.tmp.py', 'a.py', 'nested/secret/hidden.py'], { onIgnoredFile: (p) => ignored.push(p) });
    assert.deepEqual(files, ['a.py']);
    assert.deepEqual(ignored.map((p) => p.split(path.sep).join('/')), ['x.tmp.py', 'nested/secret/hidden.py']);
  });

  it('reads ignored files with noIgnore, still without .git and node_modules', async () => {
    const files = await collect(['.'], { noIgnore: true });
    for (const f of ['build/out.py', 'local-only.py', 'x.tmp.py', 'nested/secret/hidden.py']) assert.ok(files.includes(f), f);
    assert.ok(!files.some((f) => f.startsWith('.git/') || f.startsWith('node_modules/')));
  });

  it('applies extra ignore patterns relative to the folder given', async () => {
    assert.deepEqual(await collect(['nested'], { extraIgnores: ['deeper/'] }), ['nested/ok.py']);
  });

  it('keeps absolute roots absolute and reports missing ones', async () => {
    const errors: string[] = [];
    const files = await collect([path.join(dir, 'nested'), 'missing-folder'], { onError: (p) => errors.push(p) });
    assert.deepEqual(files, [`${dir}/nested/deeper/z.py`, `${dir}/nested/ok.py`]);
    assert.deepEqual(errors, ['missing-folder']);
  });

  it('stops when the signal aborts', async () => {
    const controller = new AbortController();
    const out: string[] = [];
    for await (const f of walkFiles(['.'], { signal: controller.signal })) {
      out.push(f);
      controller.abort();
    }
    assert.equal(out.length, 1);
  });
});
