// What this deployment needs beyond a valid schema: every container sized and unprivileged, long-running pods probed,
// selectors that select, and every Service, autoscaler, budget, ConfigMap, volume claim and secret it names present.
import type { ManifestDoc, ManifestProblem } from './manifest-files';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- walked field by field

interface Workload {
  doc: ManifestDoc;
  kind: string;
  name: string;
  labels: Record<string, string>;
  pod: Json;
}

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'Job']);
const LONG_RUNNING = new Set(['Deployment', 'StatefulSet']);

const matches = (selector: Record<string, string> | undefined, labels: Record<string, string>) =>
  !!selector &&
  Object.keys(selector).length > 0 &&
  Object.entries(selector).every(([k, v]) => labels[k] === v);

function workloads(docs: readonly ManifestDoc[]): Workload[] {
  return docs
    .filter((doc) => WORKLOAD_KINDS.has(String(doc.object.kind)))
    .map((doc) => {
      const spec = (doc.object.spec ?? {}) as Json;
      return {
        doc,
        kind: String(doc.object.kind),
        name: String((doc.object.metadata as Json | undefined)?.name),
        labels: (spec.template?.metadata?.labels ?? {}) as Record<string, string>,
        pod: (spec.template?.spec ?? {}) as Json,
      };
    });
}

function containerProblems(workload: Workload): string[] {
  const problems: string[] = [];
  if (workload.pod.securityContext?.runAsNonRoot !== true)
    problems.push('the pod must set runAsNonRoot: true');
  for (const container of (workload.pod.containers ?? []) as Json[]) {
    const name = `container ${container.name}`;
    const resources = container.resources ?? {};
    if (!resources.requests?.cpu || !resources.requests?.memory)
      problems.push(`${name} needs CPU and memory requests (the scheduler places it by them)`);
    if (!resources.limits?.memory)
      problems.push(`${name} needs a memory limit (a leak must not take the node)`);
    if (container.securityContext?.allowPrivilegeEscalation !== false)
      problems.push(`${name} must set allowPrivilegeEscalation: false`);
    if (LONG_RUNNING.has(workload.kind) && !container.livenessProbe)
      problems.push(`${name} runs for good and needs a liveness probe`);
    if ((container.ports ?? []).length > 0 && !container.readinessProbe)
      problems.push(`${name} serves a port and needs a readiness probe (no traffic before it is ready)`);
  }
  return problems;
}

export function deploymentProblems(
  docs: readonly ManifestDoc[],
  options: { externalSecrets: readonly string[] },
): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const names = (kind: string) =>
    new Set(
      docs.filter((d) => d.object.kind === kind).map((d) => (d.object.metadata as Json | undefined)?.name),
    );
  const configMaps = names('ConfigMap');
  const claims = names('PersistentVolumeClaim');
  const deployments = names('Deployment');
  const all = workloads(docs);
  for (const workload of all) {
    const say = (problem: string) => problems.push({ where: workload.doc.where, problem });
    for (const problem of containerProblems(workload)) say(problem);
    const selector = (workload.doc.object.spec as Json | undefined)?.selector?.matchLabels;
    if (workload.kind !== 'Job' && !matches(selector, workload.labels))
      say('spec.selector.matchLabels does not match the pod template labels');
    for (const container of (workload.pod.containers ?? []) as Json[]) {
      for (const from of (container.envFrom ?? []) as Json[]) {
        if (from.configMapRef && !configMaps.has(from.configMapRef.name))
          say(`ConfigMap ${from.configMapRef.name} is not in the manifests`);
        if (from.secretRef && !options.externalSecrets.includes(from.secretRef.name))
          say(`Secret ${from.secretRef.name} is not one the deployment documents`);
      }
    }
    for (const volume of (workload.pod.volumes ?? []) as Json[]) {
      if (volume.persistentVolumeClaim && !claims.has(volume.persistentVolumeClaim.claimName))
        say(`PersistentVolumeClaim ${volume.persistentVolumeClaim.claimName} is not in the manifests`);
    }
  }
  for (const doc of docs) {
    const say = (problem: string) => problems.push({ where: doc.where, problem });
    const spec = (doc.object.spec ?? {}) as Json;
    if (doc.object.kind === 'Service') {
      const target = all.find((w) => matches(spec.selector, w.labels));
      if (!target) say('the Service selects no workload');
      const ports = ((target?.pod.containers ?? []) as Json[]).flatMap((c) => (c.ports ?? []) as Json[]);
      for (const port of (spec.ports ?? []) as Json[]) {
        if (typeof port.targetPort === 'string' && target && !ports.some((p) => p.name === port.targetPort))
          say(`targetPort ${port.targetPort} is no named port of ${target.name}`);
      }
    }
    if (doc.object.kind === 'HorizontalPodAutoscaler' && !deployments.has(spec.scaleTargetRef?.name))
      say(`scales ${spec.scaleTargetRef?.name}, which is no Deployment here`);
    if (
      doc.object.kind === 'PodDisruptionBudget' &&
      !all.some((w) => matches(spec.selector?.matchLabels, w.labels))
    )
      say('the PodDisruptionBudget selects no workload');
  }
  return problems;
}
