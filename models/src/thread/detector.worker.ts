// Inside a detector thread: one onnxruntime session, requests answered in arrival order.
import { parentPort, workerData } from 'node:worker_threads';
import { Detector, type DetectorOptions } from '../detector';
import type { ThreadReply, ThreadRequest } from './messages';

const port = parentPort!;
const { modelId, options } = workerData as { modelId: string; options: DetectorOptions };
const reply = (message: ThreadReply) => port.postMessage(message);

try {
  const detector = await Detector.load(modelId, options);
  port.on('message', async (request: ThreadRequest) => {
    try {
      const result = await detector.detect(request.tensor, request.scale);
      reply({ kind: 'result', id: request.id, detections: result.detections, inferenceMs: result.inferenceMs });
    } catch (error) {
      reply({ kind: 'error', id: request.id, message: (error as Error).message });
    }
  });
  reply({ kind: 'ready' });
} catch (error) {
  reply({ kind: 'error', id: 0, message: (error as Error).message });
}
