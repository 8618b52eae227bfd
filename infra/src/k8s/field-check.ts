// Unknown fields, which the API's JSON schema lets through (kubectl would warn and drop them, so a misspelt
// `readinesProbe` silently means no probe): each manifest is type-checked as an object literal against its kind's
// TypeScript type, where every property must be known at every depth.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { kindKey, MANIFEST_KINDS } from './manifest-kinds';
import type { ManifestDoc, ManifestProblem } from './manifest-files';

/** The checked source lives beside this module, so `kubernetes-models` resolves from the infra workspace. */
const CHECKED_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '__manifests__.ts');

export function unknownFieldProblems(docs: readonly ManifestDoc[]): ManifestProblem[] {
  const lines: string[] = [];
  const lineOwner: string[] = [];
  const known = docs.filter((doc) => MANIFEST_KINDS[kindKey(doc.object)]);
  known.forEach((doc, index) => {
    const kind = MANIFEST_KINDS[kindKey(doc.object)]!;
    lines.push(`import type { ${kind.typeName} as T${index} } from '${kind.typeModule}';`);
    lineOwner.push(doc.where);
  });
  known.forEach((doc, index) => {
    const literal = `export const doc${index} = ${JSON.stringify(doc.object, null, 1)} satisfies T${index};`;
    for (const line of literal.split('\n')) {
      lines.push(line);
      lineOwner.push(doc.where);
    }
  });
  const source = lines.join('\n');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const readSource = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language, onError) =>
    fileName === CHECKED_FILE
      ? ts.createSourceFile(fileName, source, language)
      : readSource(fileName, language, onError);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => fileName === CHECKED_FILE || fileExists(fileName);
  const program = ts.createProgram([CHECKED_FILE], options, host);
  const checked = program.getSourceFile(CHECKED_FILE)!;
  return ts.getPreEmitDiagnostics(program, checked).map((diagnostic) => {
    const line =
      diagnostic.start === undefined ? 0 : checked.getLineAndCharacterOfPosition(diagnostic.start).line;
    return {
      where: lineOwner[line] ?? 'manifests',
      problem: ts.flattenDiagnosticMessageText(diagnostic.messageText, ' '),
    };
  });
}
