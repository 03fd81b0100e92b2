import type { Answers, Journey, Question, Section } from './types';

// Question ids are global: the same id has the same wording (apply.questions.<id>) in every journey, so a
// bundle asks a shared question once and each of its dossiers takes the answer from the one journey.

const is = (id: string, value: string) => (answers: Answers) => answers[id] === value;
const isNot = (id: string, value: string) => (answers: Answers) =>
  answers[id] !== undefined && answers[id] !== value;

/** The person filling in the form, checked against the citizen ID they give. */
function applicant(relationship?: Question): Section {
  return {
    id: 'applicant',
    questions: [
      ...(relationship ? [relationship] : []),
      { id: 'applicant-name', kind: 'name', autocomplete: 'name' },
      { id: 'applicant-sex', kind: 'choice', options: ['female', 'male'] },
      // Old enough to hold a citizen ID of one's own and apply (Law on Identity 2023: compulsory from 14).
      { id: 'applicant-dob', kind: 'date', notInFuture: true, minAge: 14, autocomplete: 'bday' },
      { id: 'applicant-cid', kind: 'citizen-id', dateOfBirth: 'applicant-dob', sex: 'applicant-sex' },
      { id: 'applicant-phone', kind: 'phone' },
    ],
  };
}

/** "For yourself or on behalf of someone?" with the relationship when on behalf. */
const onBehalf: Question[] = [
  { id: 'applying-for', kind: 'choice', options: ['self', 'someone-else'] },
  {
    id: 'relationship-to-person',
    kind: 'choice',
    options: ['spouse', 'child', 'parent', 'relative', 'carer', 'other'],
    when: is('applying-for', 'someone-else'),
  },
];

const office: Section = { id: 'office', questions: [{ id: 'office-commune', kind: 'commune' }] };

const residence = (extra: readonly Question[] = []): Section => ({
  id: 'residence',
  questions: [
    { id: 'residence-commune', kind: 'commune' },
    { id: 'residence-village', kind: 'text', maxLength: 100 },
    ...extra,
  ],
});

const child = (maxYearsAgo?: number): Section => ({
  id: 'child',
  questions: [
    { id: 'child-name', kind: 'name' },
    { id: 'child-sex', kind: 'choice', options: ['female', 'male'] },
    { id: 'child-dob', kind: 'date', notInFuture: true, ...(maxYearsAgo ? { maxYearsAgo } : {}) },
    { id: 'child-birthplace', kind: 'choice', options: ['health-facility', 'home', 'elsewhere'] },
    // Born outside a health facility: no birth notice exists, a witness confirms the birth instead.
    { id: 'birth-notice', kind: 'file', when: is('child-birthplace', 'health-facility') },
    { id: 'birth-witness-name', kind: 'name', when: isNot('child-birthplace', 'health-facility') },
  ],
});

/** A parent at least this many years older than the child: a typed year, not a judgement on anyone. */
const PARENT_MIN_YEARS = 12;

const parents: Section = {
  id: 'parents',
  questions: [
    { id: 'mother-name', kind: 'name' },
    {
      id: 'mother-dob',
      kind: 'date',
      notInFuture: true,
      allowYearOnly: true,
      yearsBefore: { question: 'child-dob', years: PARENT_MIN_YEARS },
    },
    { id: 'mother-cid', kind: 'citizen-id', dateOfBirth: 'mother-dob', sexIs: 'female' },
    { id: 'parents-married', kind: 'choice', options: ['yes', 'no'] },
    // Unmarried parents may still name the father (recognition of paternity is a separate procedure).
    { id: 'father-declared', kind: 'choice', options: ['yes', 'no'], when: is('parents-married', 'no') },
    ...(['father-name', 'father-dob', 'father-cid'] as const).map((id): Question => {
      const when = (a: Answers) => a['parents-married'] === 'yes' || a['father-declared'] === 'yes';
      if (id === 'father-name') return { id, kind: 'name', when };
      if (id === 'father-dob')
        return {
          id,
          kind: 'date',
          notInFuture: true,
          allowYearOnly: true,
          yearsBefore: { question: 'child-dob', years: PARENT_MIN_YEARS },
          when,
        };
      return { id, kind: 'citizen-id', dateOfBirth: 'father-dob', sexIs: 'male', when };
    }),
  ],
};

const deceased: Section = {
  id: 'deceased',
  questions: [
    { id: 'deceased-name', kind: 'name' },
    { id: 'deceased-sex', kind: 'choice', options: ['female', 'male'] },
    { id: 'deceased-dob', kind: 'date', notInFuture: true, allowYearOnly: true },
    {
      id: 'deceased-cid',
      kind: 'citizen-id',
      dateOfBirth: 'deceased-dob',
      sex: 'deceased-sex',
      optional: true,
    },
    { id: 'death-date', kind: 'date', notInFuture: true, notBefore: 'deceased-dob' },
    { id: 'death-place', kind: 'choice', options: ['health-facility', 'home', 'elsewhere'] },
    { id: 'death-notice', kind: 'file' },
  ],
};

const partner = (n: 1 | 2): Section => ({
  id: `partner-${n}`,
  questions: [
    { id: `partner${n}-name`, kind: 'name' },
    { id: `partner${n}-sex`, kind: 'choice', options: ['female', 'male'] },
    // Marriageable age (Law on Marriage and Family 2014, art. 8): 18 for a woman, 20 for a man; the lower
    // bound is checked here, the province checks the rest.
    { id: `partner${n}-dob`, kind: 'date', notInFuture: true, minAge: 18 },
    { id: `partner${n}-cid`, kind: 'citizen-id', dateOfBirth: `partner${n}-dob`, sex: `partner${n}-sex` },
  ],
});

const household = (extra: readonly Question[]): Section =>
  residence([{ id: 'household-size', kind: 'number', min: 1, max: 30 }, ...extra]);

const childRelationship: Question = {
  id: 'relationship-to-child',
  kind: 'choice',
  options: ['mother', 'father', 'grandparent', 'relative', 'other'],
};
const deceasedRelationship: Question = {
  id: 'relationship-to-deceased',
  kind: 'choice',
  options: ['spouse', 'child', 'parent', 'relative', 'other'],
};

export const journeys = [
  {
    id: 'register-birth',
    procedures: ['register-birth'],
    sections: [applicant(childRelationship), child(), parents, office],
  },
  {
    id: 'birth-bundle',
    procedures: ['register-birth', 'register-permanent-residence', 'issue-child-health-insurance-card'],
    sections: [
      applicant(childRelationship),
      child(6),
      parents,
      residence([{ id: 'household-head-name', kind: 'name' }]),
      office,
    ],
  },
  {
    id: 'register-marriage',
    procedures: ['register-marriage'],
    sections: [
      partner(1),
      partner(2),
      { id: 'contact', questions: [{ id: 'applicant-phone', kind: 'phone' }] },
      office,
    ],
  },
  {
    id: 'register-death',
    procedures: ['register-death'],
    sections: [applicant(deceasedRelationship), deceased, office],
  },
  {
    id: 'death-bundle',
    procedures: ['register-death', 'remove-permanent-residence', 'funeral-allowance'],
    sections: [
      applicant(deceasedRelationship),
      deceased,
      residence(),
      {
        id: 'funeral',
        questions: [
          { id: 'deceased-received-allowance', kind: 'choice', options: ['yes', 'no'] },
          { id: 'payment-method', kind: 'choice', options: ['cash', 'bank'] },
          { id: 'bank-account', kind: 'text', maxLength: 40, when: is('payment-method', 'bank') },
        ],
      },
      office,
    ],
  },
  {
    id: 'copy-civil-status-extract',
    procedures: ['copy-civil-status-extract'],
    sections: [
      applicant(),
      {
        id: 'record',
        questions: [
          ...onBehalf,
          { id: 'record-type', kind: 'choice', options: ['birth', 'marriage', 'death'] },
          { id: 'record-person-name', kind: 'name' },
          { id: 'record-commune', kind: 'commune' },
          { id: 'copies-count', kind: 'number', min: 1, max: 10 },
        ],
      },
      office,
    ],
  },
  {
    id: 'certify-marital-status',
    procedures: ['certify-marital-status'],
    sections: [
      applicant(),
      {
        id: 'marital-status',
        questions: [
          ...onBehalf,
          { id: 'person-name', kind: 'name', when: is('applying-for', 'someone-else') },
          { id: 'marital-status', kind: 'choice', options: ['single', 'divorced', 'widowed'] },
          { id: 'certificate-purpose', kind: 'choice', options: ['marriage', 'property', 'other'] },
          {
            id: 'certificate-purpose-other',
            kind: 'text',
            maxLength: 200,
            when: is('certificate-purpose', 'other'),
          },
          { id: 'id-card-photo', kind: 'file', sensitive: true, optional: true },
        ],
      },
      office,
    ],
  },
  {
    id: 'recognise-poor-household',
    procedures: ['recognise-poor-household'],
    sections: [
      applicant(),
      household([
        { id: 'hardship-reason', kind: 'choice', options: ['illness', 'disaster', 'job-loss', 'other'] },
        { id: 'hardship-details', kind: 'text', maxLength: 500, multiline: true, optional: true },
      ]),
    ],
  },
  {
    id: 'recognise-household-leaving-poverty',
    procedures: ['recognise-household-leaving-poverty'],
    sections: [
      applicant(),
      household([{ id: 'leaving-reason', kind: 'text', maxLength: 500, multiline: true }]),
    ],
  },
  {
    id: 'monthly-social-allowance',
    procedures: ['monthly-social-allowance'],
    sections: [
      applicant(),
      {
        id: 'beneficiary',
        questions: [
          { id: 'allowance-action', kind: 'choice', options: ['start', 'change', 'stop'] },
          ...onBehalf,
          { id: 'person-name', kind: 'name', when: is('applying-for', 'someone-else') },
          {
            id: 'person-dob',
            kind: 'date',
            notInFuture: true,
            allowYearOnly: true,
            when: is('applying-for', 'someone-else'),
          },
          {
            id: 'beneficiary-group',
            kind: 'choice',
            options: ['elderly', 'disability', 'orphan', 'single-parent', 'other'],
          },
          {
            id: 'disability-certificate',
            kind: 'file',
            optional: true,
            when: is('beneficiary-group', 'disability'),
          },
        ],
      },
      residence(),
    ],
  },
  {
    id: 'cultural-family-title',
    procedures: ['cultural-family-title'],
    sections: [applicant(), household([{ id: 'title-year', kind: 'number', min: 2020, max: 2100 }])],
  },
] as const satisfies readonly Journey[];

export type JourneyId = (typeof journeys)[number]['id'];

export function findJourney(id: string): Journey | undefined {
  return (journeys as readonly Journey[]).find((j) => j.id === id);
}
