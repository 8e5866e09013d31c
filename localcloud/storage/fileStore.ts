/**
 * The bytes of stored files, on disk at `<rootDir>/<bucket>/<cloudPath>` so a developer can look at them.
 * Writes go to a temp file and are renamed into place, so a reader never sees half a file.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';

/** Plain file operations on one storage root. Paths are `<bucket>/<cloudPath>` and already validated. */
export interface FileStore {
  /** Writes (or replaces) a file. Throws when a folder or file is in the way (`a` and `a/b` cannot both exist). */
  write(objectPath: string, bytes: Buffer): void;
  /** A file's bytes, or undefined when there is none. */
  read(objectPath: string): Buffer | undefined;
  /** A file's size in bytes, or undefined when there is none. */
  size(objectPath: string): number | undefined;
  /** Removes a file; false when there was none. */
  remove(objectPath: string): boolean;
}

/** A {@link FileStore} under `rootDir`. */
export function createFileStore(rootDir: string): FileStore {
  const root = resolve(rootDir);
  const tmpDir = join(root, '.tmp');

  // Validation already rules out `..`; this is the last guard against leaving the root.
  const locate = (objectPath: string): string => {
    const full = resolve(root, objectPath);
    if (!full.startsWith(root + sep)) throw new Error(`path escapes the storage root: ${objectPath}`);
    return full;
  };
  const fileSize = (full: string): number | undefined => {
    try {
      const st = statSync(full);
      return st.isFile() ? st.size : undefined;
    } catch {
      return undefined;
    }
  };

  return {
    write(objectPath, bytes) {
      const full = locate(objectPath);
      mkdirSync(dirname(full), { recursive: true });
      mkdirSync(tmpDir, { recursive: true });
      const tmp = join(tmpDir, randomUUID());
      writeFileSync(tmp, bytes);
      try {
        renameSync(tmp, full);
      } catch (err) {
        rmSync(tmp, { force: true });
        throw err;
      }
    },
    read(objectPath) {
      const full = locate(objectPath);
      if (fileSize(full) === undefined) return undefined;
      return readFileSync(full);
    },
    size(objectPath) {
      return fileSize(locate(objectPath));
    },
    remove(objectPath) {
      const full = locate(objectPath);
      if (fileSize(full) === undefined) return false;
      unlinkSync(full);
      return true;
    },
  };
}
