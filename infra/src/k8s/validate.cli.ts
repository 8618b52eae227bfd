// `npm run validate:k8s [folder]`: checks the Kubernetes manifests (infra/k8s by default); exit 1 on any problem.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateManifests } from './validate-manifests';

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = path.resolve(process.argv[2] ?? path.join(here, '..', '..', 'k8s'));
const report = await validateManifests(dir);
for (const { where, problem } of report.problems) console.error(`${where}: ${problem}`);
const kinds = Object.entries(report.kinds)
  .map(([kind, count]) => `${count} ${kind}`)
  .join(', ');
console.log(
  `${path.relative(process.cwd(), dir) || dir}: ${report.documents} documents (${kinds}); ${report.problems.length} problems`,
);
process.exitCode = report.problems.length > 0 ? 1 : 0;
