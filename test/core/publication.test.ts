// Whether a person's publication mark lets an incident into the published site (core/publication.ts).
import { describe, expect, it } from 'vitest';
import { publicationState, type PublicationMark } from '../../src/core/publication.ts';

describe('publicationState', () => {
  it('publishes a mark only while it covers the incident\'s notices', () => {
    const mark = (publishable: boolean, noticeIds: number[]): PublicationMark => ({ id: 1, incidentId: 1, publishable, noticeIds, by: 'a', at: '', reason: null });
    expect(publicationState(undefined, [1])).toBe('unmarked');
    expect(publicationState(mark(false, [1]), [1])).toBe('withdrawn');
    expect(publicationState(mark(true, [2, 1]), [1, 2])).toBe('published');
    expect(publicationState(mark(true, [1]), [1, 2])).toBe('changed');
  });
});
