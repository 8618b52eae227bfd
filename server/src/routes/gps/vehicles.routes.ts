// Vehicles (buses): the fleet list for the control room; admins create, change and delete.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ErrorReply, IdParams, Vehicle, VehicleInput, VehicleUpdate } from '../../schemas';
import { listVehicles } from '../../repositories/vehicles.repository';
import { addVehicle, changeVehicle, getVehicle, removeVehicle } from '../../services/vehicles.service';
import { ADMINS } from '../../plugins/types';
import { FLEET_READERS } from './fleet-readers';

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 404: ErrorReply, 409: ErrorReply };

const vehicleRoutes: FastifyPluginAsync = async (app) => {
  const ctx = (request: FastifyRequest) => ({
    db: app.db,
    redis: app.redis,
    queuePrefix: app.config.queuePrefix,
    user: request.user!,
    ip: request.ip,
  });

  app.get(
    '/api/vehicles',
    {
      config: { roles: FLEET_READERS },
      schema: { tags: ['gps'], response: { 200: Type.Array(Vehicle), ...errors } },
    },
    async () => listVehicles(app.db),
  );
  app.get<{ Params: IdParams }>(
    '/api/vehicles/:id',
    {
      config: { roles: FLEET_READERS },
      schema: { tags: ['gps'], params: IdParams, response: { 200: Vehicle, ...errors } },
    },
    async (request) => getVehicle(app.db, request.params.id),
  );
  app.post<{ Body: VehicleInput }>(
    '/api/vehicles',
    {
      config: { roles: ADMINS },
      schema: { tags: ['gps'], body: VehicleInput, response: { 201: Vehicle, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await addVehicle(ctx(request), request.body)),
  );
  app.patch<{ Params: IdParams; Body: VehicleUpdate }>(
    '/api/vehicles/:id',
    {
      config: { roles: ADMINS },
      schema: { tags: ['gps'], params: IdParams, body: VehicleUpdate, response: { 200: Vehicle, ...errors } },
    },
    async (request) => changeVehicle(ctx(request), request.params.id, request.body),
  );
  app.delete<{ Params: IdParams }>(
    '/api/vehicles/:id',
    {
      config: { roles: ADMINS },
      schema: { tags: ['gps'], params: IdParams, response: { 204: Type.Null(), ...errors } },
    },
    async (request, reply) => {
      await removeVehicle(ctx(request), request.params.id);
      return reply.status(204).send();
    },
  );
};

export default vehicleRoutes;
