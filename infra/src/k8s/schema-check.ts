// Each manifest against the Kubernetes API's own JSON schema for its kind (kubernetes-models): types, required
// fields and enumerations, as the API server would check them on apply.
import { kindKey, MANIFEST_KINDS } from './manifest-kinds';
import type { ManifestDoc, ManifestProblem } from './manifest-files';

interface AjvError {
  instancePath: string;
  message?: string;
}

export function schemaProblems(docs: readonly ManifestDoc[]): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  for (const doc of docs) {
    const kind = MANIFEST_KINDS[kindKey(doc.object)];
    if (!kind) {
      problems.push({ where: doc.where, problem: `unknown kind ${kindKey(doc.object)} (apiVersion/kind)` });
      continue;
    }
    try {
      new kind.model(doc.object as never).validate();
    } catch (error) {
      const errors = (error as { errors?: AjvError[] }).errors;
      if (!errors) throw error;
      for (const found of errors)
        problems.push({
          where: doc.where,
          problem: `${found.instancePath || '/'} ${found.message ?? 'is invalid'}`,
        });
    }
  }
  return problems;
}
