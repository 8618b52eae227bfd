// Reads a kustomize folder's manifests: the files its kustomization.yaml lists, each YAML document with its place.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseAllDocuments, parseDocument } from 'yaml';

export interface ManifestDoc {
  /** e.g. `server.yaml#2` (the second document of the file). */
  where: string;
  object: Record<string, unknown>;
}

export interface ManifestProblem {
  where: string;
  problem: string;
}

export interface ManifestSet {
  docs: ManifestDoc[];
  /** Unreadable YAML, and files the kustomization lists but are missing or are present but not listed. */
  problems: ManifestProblem[];
}

const KUSTOMIZATION = 'kustomization.yaml';

export async function readManifests(dir: string): Promise<ManifestSet> {
  const problems: ManifestProblem[] = [];
  const docs: ManifestDoc[] = [];
  const kustomization = parseDocument(await readFile(path.join(dir, KUSTOMIZATION), 'utf8')).toJS() as {
    resources?: string[];
  };
  const listed = kustomization.resources ?? [];
  const present = (await readdir(dir)).filter((name) => /\.ya?ml$/.test(name) && name !== KUSTOMIZATION);
  for (const name of present.filter((file) => !listed.includes(file)))
    problems.push({ where: name, problem: `not listed in ${KUSTOMIZATION}: it would never be applied` });
  for (const name of listed) {
    if (!present.includes(name)) {
      problems.push({ where: KUSTOMIZATION, problem: `lists ${name}, which does not exist` });
      continue;
    }
    const parsed = parseAllDocuments(await readFile(path.join(dir, name), 'utf8'));
    const documents = Array.isArray(parsed) ? parsed : [parsed];
    documents.forEach((document, index) => {
      const where = `${name}#${index + 1}`;
      if (document.errors.length > 0) {
        problems.push({ where, problem: `not YAML: ${document.errors[0]!.message}` });
        return;
      }
      const object = document.toJS() as unknown;
      if (object === null) return; // an empty document (a trailing ---)
      if (typeof object !== 'object' || Array.isArray(object)) {
        problems.push({ where, problem: 'not a Kubernetes object (a mapping with apiVersion and kind)' });
        return;
      }
      docs.push({ where, object: object as Record<string, unknown> });
    });
  }
  return { docs, problems };
}
