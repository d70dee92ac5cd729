import { z } from 'zod';
import { PLAY_SIGNALS } from '../../plays/play-signal-catalog.js';
import { cancelBody, completeBody, reassignBody, startBody } from '../../plays/plays.schemas.js';
import { inputSchema } from './json-schema.js';

type Json = Record<string, unknown>;

/** OpenAPI paths of plays (start, state, cancel, signals) and of acting on tasks. */
export function playsPaths(prefix: string, tenantHeader: Json, errors: Json): Json {
  const json = (schema: unknown) => ({ 'application/json': { schema } });
  const id = (what: string) => ({ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' }, description: `The ${what}'s id` });
  const ok = (description: string) => ({ '200': { description }, ...errors });
  const tags = ['plays'];
  const signalNames = Object.keys(PLAY_SIGNALS);
  return {
    [`${prefix}/accounts/{id}/plays`]: {
      get: { tags, summary: "An account's plays (the play registry)", parameters: [tenantHeader, id('account')], responses: ok('{ items }') },
      post: { tags, summary: 'Start a play by hand (idempotent per account, play and scope)', parameters: [tenantHeader, id('account')], requestBody: { required: true, content: json(inputSchema(startBody)) }, responses: ok('The play') },
    },
    [`${prefix}/plays/{id}`]: { get: { tags, summary: 'Live state of a play (current step, due dates, history)', parameters: [tenantHeader, id('play')], responses: ok('{ play, state }') } },
    [`${prefix}/plays/{id}/cancel`]: { post: { tags, summary: 'Cancel a running play (audited)', parameters: [tenantHeader, id('play')], requestBody: { required: true, content: json(inputSchema(cancelBody)) }, responses: ok('Cancellation requested') } },
    [`${prefix}/plays/{id}/signals/{name}`]: {
      post: {
        tags, summary: 'Send a play one of its signals',
        parameters: [tenantHeader, id('play'), { name: 'name', in: 'path', required: true, schema: { type: 'string', enum: signalNames } }],
        requestBody: { required: false, content: json({ oneOf: signalNames.map((n) => ({ title: n, ...inputSchema(PLAY_SIGNALS[n].payload as z.ZodType) })) }) },
        responses: ok('Signalled'),
      },
    },
    [`${prefix}/tasks/{id}/complete`]: { post: { tags: ['tasks'], summary: "Complete a task (a play's task signals its play)", parameters: [tenantHeader, id('task')], requestBody: { required: false, content: json(inputSchema(completeBody)) }, responses: { ...ok('Completed'), '409': { description: 'Already completed' } } } },
    [`${prefix}/tasks/{id}/reassign`]: { post: { tags: ['tasks'], summary: 'Reassign a task to a role and/or person', parameters: [tenantHeader, id('task')], requestBody: { required: true, content: json(inputSchema(reassignBody)) }, responses: { ...ok('Reassigned'), '409': { description: 'Already completed' } } } },
  };
}
