// The queues footage-request steps feed, as `app.requestJobs` (tests may give their own).
import fp from 'fastify-plugin';
import { BullRequestJobs } from '../services/footage-requests/request-jobs';
import type { RequestJobs } from '../services/footage-requests/request-context';

export default fp<{ jobs?: RequestJobs }>(async (app, options) => {
  if (options.jobs) {
    app.decorate('requestJobs', options.jobs);
    return;
  }
  const jobs = new BullRequestJobs(app.config.redisUrl, app.config.queuePrefix);
  app.decorate('requestJobs', jobs);
  app.addHook('onClose', () => jobs.close());
});
