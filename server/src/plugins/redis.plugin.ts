// Redis connection as `app.redis`, and the event store that writes to PostGIS then announces through it.
import fp from 'fastify-plugin';
import { Redis } from 'ioredis';
import { createEventStore } from '../services/event-store.service';

export default fp(async (app) => {
  const redis = new Redis(app.config.redisUrl, { maxRetriesPerRequest: 2, lazyConnect: true });
  redis.on('error', (error) => app.log.warn({ err: error.message }, 'redis error'));
  await redis.connect();
  app.decorate('redis', redis);
  app.decorate('eventStore', createEventStore(app.db, { redis, channels: app.channels }));
  app.addHook('onClose', async () => {
    await redis.quit();
  });
});
