// The Kubernetes kinds the deployment uses: each with its schema model (kubernetes-models, validated by JSON schema)
// and the TypeScript type of the same definition (for the check that names unknown fields).
import { Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Job } from 'kubernetes-models/batch/v1';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, PersistentVolumeClaim, Service } from 'kubernetes-models/v1';

export interface ManifestKind {
  /** Throws a ValidationError (ajv errors) for an object the API server's schema refuses. */
  model: new (data: never) => { validate(): void };
  /** The module and interface of its type in kubernetes-models. */
  typeModule: string;
  typeName: string;
}

const kind = (model: ManifestKind['model'], group: string, name: string): ManifestKind => ({
  model,
  typeModule: `kubernetes-models/${group}/${name}`,
  typeName: `I${name}`,
});

/** By `apiVersion/kind`. A kind not listed here is refused: add it when the deployment needs it. */
export const MANIFEST_KINDS: Record<string, ManifestKind> = {
  'apps/v1/Deployment': kind(Deployment, 'apps/v1', 'Deployment'),
  'apps/v1/StatefulSet': kind(StatefulSet, 'apps/v1', 'StatefulSet'),
  'autoscaling/v2/HorizontalPodAutoscaler': kind(
    HorizontalPodAutoscaler,
    'autoscaling/v2',
    'HorizontalPodAutoscaler',
  ),
  'batch/v1/Job': kind(Job, 'batch/v1', 'Job'),
  'networking.k8s.io/v1/Ingress': kind(Ingress, 'networking.k8s.io/v1', 'Ingress'),
  'policy/v1/PodDisruptionBudget': kind(PodDisruptionBudget, 'policy/v1', 'PodDisruptionBudget'),
  'v1/ConfigMap': kind(ConfigMap, 'v1', 'ConfigMap'),
  'v1/PersistentVolumeClaim': kind(PersistentVolumeClaim, 'v1', 'PersistentVolumeClaim'),
  'v1/Service': kind(Service, 'v1', 'Service'),
};

export const kindKey = (doc: { apiVersion?: unknown; kind?: unknown }) =>
  `${String(doc.apiVersion)}/${String(doc.kind)}`;
