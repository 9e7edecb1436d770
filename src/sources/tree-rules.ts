// Which parts of a tree are read for specs.

/** Directories never scanned: version control and package trees. */
const SKIP_DIRS = new Set(['.git', '.hg', '.svn', 'node_modules', '.tmp_versions']);

export const skipDir = (name: string): boolean => SKIP_DIRS.has(name);

/** C sources and headers; generated `*.apispec.h` headers repeat the specs of their `.c` file. */
export const isSpecSource = (name: string): boolean =>
  (name.endsWith('.c') || name.endsWith('.h')) && !name.endsWith('.apispec.h');
