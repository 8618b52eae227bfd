// Checks a kustomize folder of Kubernetes manifests without a cluster: readable and all listed, valid by the API's
// schema, no unknown field, and consistent as a deployment. Each problem names its file and document.
import { deploymentProblems } from './deployment-rules';
import { unknownFieldProblems } from './field-check';
import { readManifests, type ManifestProblem } from './manifest-files';
import { schemaProblems } from './schema-check';

/** Made by the operator before the first apply (README, Deployment on Kubernetes); never in the repository. */
export const EXTERNAL_SECRETS = ['toc-secrets'] as const;

export interface ManifestReport {
  documents: number;
  kinds: Record<string, number>;
  problems: ManifestProblem[];
}

export async function validateManifests(dir: string): Promise<ManifestReport> {
  const { docs, problems } = await readManifests(dir);
  problems.push(...schemaProblems(docs));
  problems.push(...unknownFieldProblems(docs));
  problems.push(...deploymentProblems(docs, { externalSecrets: EXTERNAL_SECRETS }));
  const kinds: Record<string, number> = {};
  for (const doc of docs) kinds[String(doc.object.kind)] = (kinds[String(doc.object.kind)] ?? 0) + 1;
  return { documents: docs.length, kinds, problems };
}
