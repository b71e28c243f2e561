import { describe, expect, it } from 'vitest';
import { errorsById, withHostErrors } from '../src/form-viewer/errors-by-id';

describe('errorsById', () => {
  it('puts the host errors, keyed by field key, on the form-js field ids', () => {
    const fields = [{ id: 'Field_1abc', key: 'score' }, { id: 'Field_2def', key: 'applicant.name' }, { id: 'Text_3' }];

    const errors = errorsById(fields, { score: ['At most 100.'], 'applicant.name': ['This field is required.'] });

    expect(errors).toEqual({ Field_1abc: ['At most 100.'], Field_2def: ['This field is required.'] });
  });

  it('leaves out errors of keys the form has no field for', () => {
    expect(errorsById([{ id: 'Field_1', key: 'score' }], { 'variables.province': ['set by the host'] })).toEqual({});
  });
});

describe('withHostErrors', () => {
  it('puts the host message over the one form-js found for the same field, and keeps other fields', () => {
    const next = withHostErrors({ Field_1: ['Field must have maximum value of 100.'], Field_2: ['Field is required.'] }, { Field_1: ['Enter a number of at most 100.'] });

    expect(next).toEqual({ Field_1: ['Enter a number of at most 100.'], Field_2: ['Field is required.'] });
  });

  it('answers null when the host messages are shown already, so the form is not updated again', () => {
    expect(withHostErrors({ Field_1: ['Enter a number of at most 100.'] }, { Field_1: ['Enter a number of at most 100.'] })).toBeNull();
  });
});
