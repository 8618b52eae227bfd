// GPS devices: the list with each device's figures (never its key); admins register, bind, rotate keys, disable, delete.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import {
  ErrorReply,
  GpsDevice,
  GpsDeviceInput,
  GpsDeviceQuery,
  GpsDeviceUpdate,
  GpsDeviceWithKey,
  IdParams,
} from '../../schemas';
import { listDevices } from '../../repositories/gps-devices.repository';
import {
  changeDevice,
  getDevice,
  registerDevice,
  removeDevice,
  rotateKey,
} from '../../services/gps-devices.service';
import type { GpsIngest } from '../../services/gps-ingest.service';
import { ADMINS } from '../../plugins/types';
import { FLEET_READERS } from './fleet-readers';

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 404: ErrorReply, 409: ErrorReply };

const deviceRoutes: FastifyPluginAsync<{ ingest: GpsIngest }> = async (app, { ingest }) => {
  const ctx = (request: FastifyRequest) => ({
    db: app.db,
    user: request.user!,
    ip: request.ip,
    forgetDevice: (id: string) => ingest.auth.forget(id),
  });

  app.get<{ Querystring: GpsDeviceQuery }>(
    '/api/gps/devices',
    {
      config: { roles: FLEET_READERS },
      schema: {
        tags: ['gps'],
        querystring: GpsDeviceQuery,
        response: { 200: Type.Array(GpsDevice), ...errors },
      },
    },
    async (request) => listDevices(app.db, request.query),
  );
  app.get<{ Params: IdParams }>(
    '/api/gps/devices/:id',
    {
      config: { roles: FLEET_READERS },
      schema: { tags: ['gps'], params: IdParams, response: { 200: GpsDevice, ...errors } },
    },
    async (request) => getDevice(app.db, request.params.id),
  );
  app.post<{ Body: GpsDeviceInput }>(
    '/api/gps/devices',
    {
      config: { roles: ADMINS },
      schema: {
        tags: ['gps'],
        summary: 'Register a device; the reply holds its key, shown only this once',
        body: GpsDeviceInput,
        response: { 201: GpsDeviceWithKey, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await registerDevice(ctx(request), request.body)),
  );
  app.patch<{ Params: IdParams; Body: GpsDeviceUpdate }>(
    '/api/gps/devices/:id',
    {
      config: { roles: ADMINS },
      schema: {
        tags: ['gps'],
        params: IdParams,
        body: GpsDeviceUpdate,
        response: { 200: GpsDevice, ...errors },
      },
    },
    async (request) => changeDevice(ctx(request), request.params.id, request.body),
  );
  app.post<{ Params: IdParams }>(
    '/api/gps/devices/:id/rotate-key',
    {
      config: { roles: ADMINS },
      schema: {
        tags: ['gps'],
        summary: 'Give the device a new key (shown only this once); the old one stops working',
        params: IdParams,
        response: { 200: GpsDeviceWithKey, ...errors },
      },
    },
    async (request) => rotateKey(ctx(request), request.params.id),
  );
  app.delete<{ Params: IdParams }>(
    '/api/gps/devices/:id',
    {
      config: { roles: ADMINS },
      schema: { tags: ['gps'], params: IdParams, response: { 204: Type.Null(), ...errors } },
    },
    async (request, reply) => {
      await removeDevice(ctx(request), request.params.id);
      return reply.status(204).send();
    },
  );
};

export default deviceRoutes;
