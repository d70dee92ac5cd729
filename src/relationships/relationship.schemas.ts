import { z } from 'zod';
import { DEPARTURE_KINDS, PERSON_TITLES, RELATIONSHIP_STRENGTHS, SENIORITIES, STAKEHOLDER_ROLES, TEAM_ROLES } from '../domain/vocabulary.js';
import { email, isoDate, shortText, uuid } from '../api/zod-fields.js';

export const stakeholderCreateSchema = z.strictObject({
  accountId: uuid(),
  name: shortText(),
  title: shortText().nullish(),
  email: email().nullish(),
  role: z.enum(STAKEHOLDER_ROLES),
  seniority: z.enum(SENIORITIES),
  strength: z.enum(RELATIONSHIP_STRENGTHS),
  metInPerson: z.boolean().default(false),
  reachesOutProactively: z.boolean().default(false),
  isFirmAlumnus: z.boolean().default(false),
  departedAt: isoDate().nullish(),
});

export const personCreateSchema = z.strictObject({
  name: shortText(),
  email: email(),
  title: z.enum(PERSON_TITLES),
  practiceArea: shortText(120).nullish(),
  departureKind: z.enum(DEPARTURE_KINDS).nullish(),
  departureDate: isoDate().nullish(),
});

export const teamAssignmentCreateSchema = z.strictObject({
  accountId: uuid(),
  personId: uuid(),
  role: z.enum(TEAM_ROLES),
  fromDate: isoDate(),
  toDate: isoDate().nullish(),
});
