import { describe, expect, it } from 'vitest';
import { boardWords, bothWords, otherWords } from '../../../src/core/board-words';

const both = { title: 'Strengths', prompt: 'What works?', titleKm: 'ចំណុចខ្លាំង', promptKm: 'អ្វីដំណើរការ?' };
const english = { title: 'Strengths', prompt: 'What works?' };

describe('boardWords', () => {
  it('gives each reader their language', () => {
    expect(boardWords(both, 'en')).toEqual({ title: 'Strengths', prompt: 'What works?' });
    expect(boardWords(both, 'km')).toEqual({ title: 'ចំណុចខ្លាំង', prompt: 'អ្វីដំណើរការ?' });
  });

  it('falls back to the other language field by field', () => {
    expect(boardWords(english, 'km')).toEqual(english);
    expect(boardWords({ ...english, titleKm: 'ចំណុចខ្លាំង' }, 'km')).toEqual({ title: 'ចំណុចខ្លាំង', prompt: 'What works?' });
    expect(boardWords({ title: 'Strengths', prompt: '', promptKm: 'អ្វី?' }, 'en')).toEqual({ title: 'Strengths', prompt: 'អ្វី?' });
  });
});

describe('otherWords', () => {
  it('is what the facilitator sees under their own language', () => {
    expect(otherWords(both, 'en')).toEqual({ title: 'ចំណុចខ្លាំង', prompt: 'អ្វីដំណើរការ?' });
    expect(otherWords(both, 'km')).toEqual({ title: 'Strengths', prompt: 'What works?' });
  });

  it('repeats nothing already shown', () => {
    expect(otherWords(english, 'en')).toBeUndefined();
    expect(otherWords(english, 'km')).toBeUndefined();
    expect(otherWords({ ...english, titleKm: 'ចំណុចខ្លាំង' }, 'km')).toEqual({ title: 'Strengths', prompt: '' });
  });
});

describe('bothWords', () => {
  it('puts the titles side by side and the questions one under the other', () => {
    expect(bothWords(both)).toEqual({ title: 'Strengths · ចំណុចខ្លាំង', prompt: 'What works?\nអ្វីដំណើរការ?' });
  });

  it('says a board written in one language once', () => {
    expect(bothWords(english)).toEqual(english);
    expect(bothWords({ ...english, prompt: '', promptKm: 'អ្វី?' })).toEqual({ title: 'Strengths', prompt: 'អ្វី?' });
  });
});
