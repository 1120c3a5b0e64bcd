import { ApplicationCommandOptionType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { autocompleteChoices, data } from '../../../src/discord/commands/ask.ts';
import { LIMITS } from '../../../src/render/limits.ts';

describe('/ask definition', () => {
  it('takes a required, autocompleted question of at most 500 characters, an optional private flag and a member to mention', () => {
    const json = data.toJSON();
    expect(json.options).toEqual([
      expect.objectContaining({ name: 'question', type: ApplicationCommandOptionType.String, required: true, autocomplete: true, max_length: 500 }),
      expect.objectContaining({ name: 'private', type: ApplicationCommandOptionType.Boolean, required: false }),
      expect.objectContaining({ name: 'mention', type: ApplicationCommandOptionType.User, required: false }),
    ]);
  });
});

describe('autocompleteChoices', () => {
  it('offers each known question as both label and value', () => {
    expect(autocompleteChoices([{ id: 'a', question: 'Who is Yuri Borisov?' }])).toEqual([
      { name: 'Who is Yuri Borisov?', value: 'Who is Yuri Borisov?' },
    ]);
  });

  it('keeps at most 25 choices', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ id: `q${i}`, question: `Question ${i}?` }));
    expect(autocompleteChoices(many)).toHaveLength(LIMITS.autocompleteChoices);
  });

  it('fits a long question into 100 characters: the label with an ellipsis, the value cut between words without one', () => {
    const question = `What did Putin say about ${'people-to-people interaction and '.repeat(5)}exchanges?`;
    const [choice] = autocompleteChoices([{ id: 'long', question }]);
    expect(choice!.name.length).toBeLessThanOrEqual(LIMITS.choiceNameMax);
    expect(choice!.name.endsWith('…')).toBe(true);
    expect(choice!.value.length).toBeLessThanOrEqual(LIMITS.choiceValueMax);
    expect(choice!.value).not.toContain('…');
    expect(question.startsWith(choice!.value)).toBe(true);
    expect(question[choice!.value.length]).toBe(' ');
  });

  it('drops blank and duplicate questions', () => {
    const choices = autocompleteChoices([
      { id: 'a', question: '  ' },
      { id: 'b', question: 'Who?' },
      { id: 'c', question: 'Who?' },
    ]);
    expect(choices).toEqual([{ name: 'Who?', value: 'Who?' }]);
  });
});
