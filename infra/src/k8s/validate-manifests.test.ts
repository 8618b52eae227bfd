// The deployment's Kubernetes manifests pass the checks, and each kind of mistake in a copy of them is found and named.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateManifests, type ManifestReport } from './validate-manifests';

const K8S_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'k8s');

describe('infra/k8s', () => {
  it('is valid by schema, has no unknown field and holds together as a deployment', async () => {
    const report = await validateManifests(K8S_DIR);
    expect(report.problems).toEqual([]);
    expect(report.kinds).toMatchObject({ Deployment: 3, HorizontalPodAutoscaler: 1, StatefulSet: 1, Job: 1 });
  }, 60_000);
});

describe('a broken copy', () => {
  let dir: string;
  let report: ManifestReport;
  const edit = async (file: string, from: string | RegExp, to: string) => {
    const text = await readFile(path.join(dir, file), 'utf8');
    const changed = text.replace(from, to);
    expect(changed, `${file}: ${String(from)}`).not.toBe(text);
    await writeFile(path.join(dir, file), changed);
  };
  const found = (where: string, problem: RegExp) =>
    report.problems.filter((p) => p.where === where && problem.test(p.problem));

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'toc-k8s-'));
    await cp(K8S_DIR, dir, { recursive: true });
    await edit('server.yaml', '  replicas: 2\n', '  replicas: two\n');
    await edit('server.yaml', '          readinessProbe:', '          readinesProbe:');
    await edit('server.yaml', 'targetPort: http\n', 'targetPort: web\n');
    await edit('camera-workers.yaml', 'claimName: toc-models', 'claimName: toc-modelz');
    await edit('gps-worker.yaml', 'requests:\n              cpu: 250m\n', 'requests:\n');
    await edit(
      'gps-worker.yaml',
      'matchLabels:\n      app.kubernetes.io/name: toc-gps-worker',
      'matchLabels:\n      app.kubernetes.io/name: gps',
    );
    await edit('redis.yaml', 'kind: StatefulSet', 'kind: StatefulSets');
    await writeFile(
      path.join(dir, 'extra.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: forgotten\n',
    );
    await edit('kustomization.yaml', '  - gps-worker.yaml\n', '  - gps-worker.yaml\n  - gone.yaml\n');
    report = await validateManifests(dir);
  }, 60_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('names a value of the wrong type, from the API schema', () => {
    expect(found('server.yaml#1', /^\/spec\/replicas must be integer$/)).toHaveLength(1);
  });

  it('names an unknown (misspelt) field, and the probe it leaves out', () => {
    expect(found('server.yaml#1', /'"readinesProbe"' does not exist in type 'IContainer'/)).toHaveLength(1);
    expect(found('server.yaml#1', /serves a port and needs a readiness probe/)).toHaveLength(1);
  });

  it('names references to nothing: a volume claim, a Service port, a selector', () => {
    expect(
      found('camera-workers.yaml#1', /PersistentVolumeClaim toc-modelz is not in the manifests/),
    ).toHaveLength(1);
    expect(found('server.yaml#2', /targetPort web is no named port of toc-server/)).toHaveLength(1);
    expect(
      found('gps-worker.yaml#1', /selector.matchLabels does not match the pod template labels/),
    ).toHaveLength(1);
  });

  it('names a container without a CPU request and an unknown kind', () => {
    expect(found('gps-worker.yaml#1', /container gps needs CPU and memory requests/)).toHaveLength(1);
    expect(found('redis.yaml#2', /unknown kind apps\/v1\/StatefulSets/)).toHaveLength(1);
  });

  it('names a file that would never be applied and a listed file that is missing', () => {
    expect(found('extra.yaml', /not listed in kustomization.yaml/)).toHaveLength(1);
    expect(found('kustomization.yaml', /lists gone.yaml, which does not exist/)).toHaveLength(1);
  });
});
