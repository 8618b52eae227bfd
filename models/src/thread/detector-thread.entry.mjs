// Entry of a detector thread: make TypeScript loadable in this thread, then start the worker module.
import { register } from 'tsx/esm/api';

register();
await import('./detector.worker.ts');
