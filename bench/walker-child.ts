// One full walk with sizes by a walker library, run as its own process so time and peak memory are
// its alone. Prints "<entries> <bytes>" so the harness can check it saw the same tree.
import * as fs from 'node:fs';
import * as path from 'node:path';
import fg from 'fast-glob';
import { fdir } from 'fdir';
import * as fsWalk from '@nodelib/fs.walk';

const [lib, dir] = process.argv.slice(2) as [string, string];
let entries = 0;
let bytes = 0;
if (lib === 'fast-glob') {
  for (const e of fg.sync('**', { cwd: dir, dot: true, onlyFiles: false, stats: true, followSymbolicLinks: false })) {
    entries++;
    if (e.stats!.isFile()) bytes += e.stats!.size;
  }
} else if (lib === '@nodelib/fs.walk') {
  for (const e of fsWalk.walkSync(dir, { stats: true, followSymbolicLinks: false })) {
    entries++;
    if (e.stats!.isFile()) bytes += e.stats!.size;
  }
} else if (lib === 'fdir') {
  // fdir has no stats option: it lists paths, and sizes need one lstat each.
  const paths = new fdir().withFullPaths().withDirs().crawl(dir).sync();
  for (const p of paths) {
    if (path.resolve(p) === path.resolve(dir)) continue;
    entries++;
    const st = fs.lstatSync(p);
    if (st.isFile()) bytes += st.size;
  }
} else {
  throw new Error(`unknown walker ${lib}`);
}
console.log(`${entries} ${bytes}`);
