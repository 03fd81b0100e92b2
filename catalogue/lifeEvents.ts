import type { ProcedureId } from './procedures';
import { sample, type LifeEvent } from './types';

interface TypedLifeEvent extends LifeEvent {
  readonly steps: readonly (LifeEvent['steps'][number] & {
    readonly procedures: readonly ProcedureId[];
    readonly coveredBy?: ProcedureId;
  })[];
}

export const lifeEvents = [
  {
    id: 'having-a-baby',
    pictogram: 'baby',
    steps: [
      {
        id: 'register',
        procedures: ['birth-bundle', 'register-birth'],
        connector: 'or',
        deadline: sample({ days: 60, from: 'birth' }, 'Luật Hộ tịch 2014, Điều 15'),
      },
      {
        id: 'residence',
        procedures: ['register-permanent-residence'],
        connector: 'only',
        deadline: sample({ days: 60, from: 'birth-registration' }, 'Nghị định 154/2024/NĐ-CP, Điều 7'),
        coveredBy: 'birth-bundle',
      },
      {
        id: 'health-insurance',
        procedures: ['issue-child-health-insurance-card'],
        connector: 'only',
        coveredBy: 'birth-bundle',
      },
    ],
  },
  {
    id: 'getting-married',
    pictogram: 'rings',
    steps: [
      { id: 'marital-status', procedures: ['certify-marital-status'], connector: 'only' },
      { id: 'register', procedures: ['register-marriage'], connector: 'only' },
    ],
  },
  {
    id: 'death-in-the-family',
    pictogram: 'candle',
    steps: [
      {
        id: 'register',
        procedures: ['death-bundle', 'register-death'],
        connector: 'or',
        deadline: sample({ days: 15, from: 'death' }, 'Luật Hộ tịch 2014, Điều 33'),
      },
      {
        id: 'residence',
        procedures: ['remove-permanent-residence'],
        connector: 'only',
        coveredBy: 'death-bundle',
      },
      { id: 'funeral', procedures: ['funeral-allowance'], connector: 'only', coveredBy: 'death-bundle' },
    ],
  },
  {
    id: 'household-poverty',
    pictogram: 'house',
    steps: [
      {
        id: 'review',
        procedures: ['recognise-poor-household', 'recognise-household-leaving-poverty'],
        connector: 'or',
      },
    ],
  },
  {
    id: 'help-in-difficulty',
    pictogram: 'hands',
    steps: [
      { id: 'allowance', procedures: ['monthly-social-allowance'], connector: 'only' },
      { id: 'funeral', procedures: ['funeral-allowance'], connector: 'only' },
    ],
  },
  {
    id: 'civil-status-papers',
    pictogram: 'document',
    steps: [
      {
        id: 'choose',
        procedures: ['copy-civil-status-extract', 'certify-marital-status'],
        connector: 'or',
      },
    ],
  },
  {
    id: 'cultural-family',
    pictogram: 'award',
    steps: [{ id: 'register', procedures: ['cultural-family-title'], connector: 'only' }],
  },
] as const satisfies readonly TypedLifeEvent[];

export type LifeEventId = (typeof lifeEvents)[number]['id'];
