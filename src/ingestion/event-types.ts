import type { EventType } from './event-type.js';
import { LIFECYCLE_EVENT_TYPES } from './lifecycle-event-types.js';
import { RECORD_EVENT_TYPES } from './record-event-types.js';

export const EVENT_TYPES: EventType[] = [...RECORD_EVENT_TYPES, ...LIFECYCLE_EVENT_TYPES];
export const EVENT_TYPES_BY_NAME = new Map(EVENT_TYPES.map((t) => [t.type, t]));
