/**
 * Walks the files and folders a user named, the way git sees the tree: `.git` and `node_modules` are never
 * entered, `.gitignore` files (nested, each relative to its own folder) and `.git/info/exclude` are honoured,
 * symbolic links are followed once (a link back to a folder being walked is a loop, reported and skipped).
 * Yields only files the engine reads (isScannablePath), as the path given joined with the path below it.
 */
import { promises as fs, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { isScannablePath } from '../engine';

export interface WalkOptions {
  readonly signal?: AbortSignal;
  /** Extra patterns in .gitignore syntax, relative to each folder given. */
  readonly extraIgnores?: readonly string[];
  /** Do not read .gitignore / .git/info/exclude (`.git` and `node_modules` are still skipped inside folders). */
  readonly noIgnore?: boolean;
  /** A path that cannot be walked (missing, unreadable, a symlink loop); the walk goes on. */
  readonly onError?: (path: string, message: string) => void;
  /** A file named explicitly but ignored by .gitignore, so skipped (ESLint warns in the same case). */
  readonly onIgnoredFile?: (path: string) => void;
}

const ALWAYS_SKIPPED = new Set(['.git', 'node_modules']);

/** One ignore file: its patterns apply to paths relative to `dir`. */
interface IgnoreLayer {
  readonly dir: string;
  readonly rules: Ignore;
}

export async function* walkFiles(roots: readonly string[], options: WalkOptions = {}): AsyncIterable<string> {
  const walker = new Walker(options);
  for (const root of roots) {
    if (options.signal?.aborted) return;
    yield* walker.root(root);
  }
}

class Walker {
  /** Real paths of files and folders already yielded or entered, so a tree reached twice is walked once. */
  private readonly seen = new Set<string>();
  private readonly layerCache = new Map<string, IgnoreLayer | null>();

  constructor(private readonly options: WalkOptions) {}

  async *root(given: string): AsyncIterable<string> {
    const absolute = path.resolve(given);
    let stats: Stats;
    try {
      stats = await fs.stat(absolute);
    } catch (e) {
      this.error(given, describeFsError(e));
      return;
    }
    const dir = stats.isDirectory() ? absolute : path.dirname(absolute);
    const layers = await this.ancestorLayers(dir);
    // A folder's own .gitignore is read when it is entered; a file's folder has to be read here.
    const own = stats.isDirectory() || this.options.noIgnore ? null : await this.gitignoreLayer(dir);
    if (own) layers.push(own);
    const extra = this.extraLayer(dir);
    if (extra) layers.push(extra);
    if (stats.isDirectory()) {
      const real = await fs.realpath(absolute);
      if (this.seen.has(real)) return;
      this.seen.add(real);
      yield* this.directory(given, absolute, layers, [real]);
      return;
    }
    if (!this.options.noIgnore && this.isIgnoredWithParents(absolute, layers)) {
      this.options.onIgnoredFile?.(given);
      return;
    }
    if (isScannablePath(absolute) && this.firstVisit(await fs.realpath(absolute))) yield path.normalize(given);
  }

  private async *directory(shown: string, absolute: string, parentLayers: readonly IgnoreLayer[], ancestors: readonly string[]): AsyncIterable<string> {
    const own = this.options.noIgnore ? null : await this.gitignoreLayer(absolute);
    const layers = own ? [...parentLayers, own] : parentLayers;
    let entries: Dirent[];
    try {
      entries = await fs.readdir(absolute, { withFileTypes: true });
    } catch (e) {
      this.error(shown, describeFsError(e));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (this.options.signal?.aborted) return;
      if (ALWAYS_SKIPPED.has(entry.name)) continue;
      const childShown = path.join(shown, entry.name);
      const childAbsolute = path.join(absolute, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let real = childAbsolute;
      if (entry.isSymbolicLink()) {
        try {
          real = await fs.realpath(childAbsolute);
          const target = await fs.stat(real);
          isDir = target.isDirectory();
          isFile = target.isFile();
        } catch (e) {
          // A dangling link or a self-referencing chain: only worth a word when it looks like a file we read.
          if (isScannablePath(childAbsolute)) this.error(childShown, describeFsError(e));
          continue;
        }
      }
      if (!isDir && !isFile) continue;
      if (!this.options.noIgnore && isIgnored(childAbsolute, isDir, layers)) continue;
      if (isDir) {
        if (ancestors.includes(real)) {
          this.error(childShown, 'symbolic link loop (points back to a folder that contains it); skipped');
          continue;
        }
        if (!this.firstVisit(real)) continue;
        yield* this.directory(childShown, childAbsolute, layers, [...ancestors, real]);
      } else if (isScannablePath(childAbsolute) && this.firstVisit(real)) {
        yield childShown;
      }
    }
  }

  private firstVisit(real: string): boolean {
    if (this.seen.has(real)) return false;
    this.seen.add(real);
    return true;
  }

  /** Ignore files above a folder given on the command line, from the repository root down to it. */
  private async ancestorLayers(dir: string): Promise<IgnoreLayer[]> {
    if (this.options.noIgnore) return [];
    const chain: string[] = [];
    let repoRoot: string | undefined;
    for (let d = path.dirname(dir); ; d = path.dirname(d)) {
      chain.unshift(d);
      if (await exists(path.join(d, '.git'))) {
        repoRoot = d;
        break;
      }
      if (path.dirname(d) === d) break;
    }
    // Outside a repository only the folder's own .gitignore files count, as with git itself.
    if (!repoRoot && !(await exists(path.join(dir, '.git')))) return [];
    const layers: IgnoreLayer[] = [];
    const excludeRoot = repoRoot ?? dir;
    const exclude = await readIgnoreFile(path.join(excludeRoot, '.git', 'info', 'exclude'));
    if (exclude) layers.push({ dir: excludeRoot, rules: exclude });
    for (const d of repoRoot ? chain : []) {
      const layer = await this.gitignoreLayer(d);
      if (layer) layers.push(layer);
    }
    return layers;
  }

  private async gitignoreLayer(dir: string): Promise<IgnoreLayer | null> {
    if (this.layerCache.has(dir)) return this.layerCache.get(dir) ?? null;
    const rules = await readIgnoreFile(path.join(dir, '.gitignore'));
    const layer = rules ? { dir, rules } : null;
    this.layerCache.set(dir, layer);
    return layer;
  }

  private extraLayer(dir: string): IgnoreLayer | undefined {
    const patterns = this.options.extraIgnores ?? [];
    return patterns.length ? { dir, rules: ignore().add([...patterns]) } : undefined;
  }

  /** For a file named explicitly: ignored itself, or inside an ignored folder. */
  private isIgnoredWithParents(absolute: string, layers: readonly IgnoreLayer[]): boolean {
    const top = layers.length ? layers[0].dir : path.dirname(absolute);
    const parents: string[] = [];
    for (let d = path.dirname(absolute); d.startsWith(top) && d !== top; d = path.dirname(d)) parents.unshift(d);
    return parents.some((d) => isIgnored(d, true, layers)) || isIgnored(absolute, false, layers);
  }

  private error(shown: string, message: string): void {
    this.options.onError?.(path.normalize(shown), message);
  }
}

/** Deeper ignore files win; within one file the last matching rule wins (the `ignore` package does that). */
function isIgnored(absolute: string, isDir: boolean, layers: readonly IgnoreLayer[]): boolean {
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i];
    const relative = path.relative(layer.dir, absolute).split(path.sep).join('/');
    if (relative === '' || relative.startsWith('../') || relative === '..' || path.isAbsolute(relative)) continue;
    const result = layer.rules.test(isDir ? `${relative}/` : relative);
    if (result.ignored) return true;
    if (result.unignored) return false;
  }
  return false;
}

async function readIgnoreFile(file: string): Promise<Ignore | undefined> {
  try {
    return ignore().add(await fs.readFile(file, 'utf8'));
  } catch {
    return undefined;
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.access(p);
    return true;
  } catch {
    return false;
  }
}

/** A file-system error as a short phrase, without echoing anything read from the file. */
export function describeFsError(e: unknown): string {
  switch ((e as NodeJS.ErrnoException | undefined)?.code) {
    case 'ENOENT': return 'no such file or folder (or a dangling symbolic link)';
    case 'EACCES':
    case 'EPERM': return 'permission denied; skipped';
    case 'ELOOP': return 'symbolic link loop; skipped';
    case 'EISDIR': return 'is a folder, expected a file';
    case 'ENAMETOOLONG': return 'path too long; skipped';
    case 'EMFILE':
    case 'ENFILE': return 'too many open files; skipped';
    default: return `cannot be read (${(e as NodeJS.ErrnoException | undefined)?.code ?? 'unknown error'}); skipped`;
  }
}
