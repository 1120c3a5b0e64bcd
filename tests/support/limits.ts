import { expect } from 'vitest';
import { embedLength, type Reply } from '../../src/render/discord.ts';
import { LIMITS } from '../../src/render/limits.ts';

/** Asserts a payload Discord would accept, part by part. */
export function expectWithinLimits(reply: Reply): void {
  expect(reply.allowedMentions).toEqual({ parse: [] });
  if (reply.content !== undefined) expect(reply.content.length).toBeLessThanOrEqual(LIMITS.messageContent);
  expect(reply.embeds.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
  let total = 0;
  for (const e of reply.embeds) {
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.embedFooterText);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedFields);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeGreaterThan(0);
      expect(f.name.length).toBeLessThanOrEqual(LIMITS.embedFieldName);
      expect(f.value.length).toBeGreaterThan(0);
      expect(f.value.length).toBeLessThanOrEqual(LIMITS.embedFieldValue);
    }
    total += embedLength(e);
  }
  expect(total).toBeLessThanOrEqual(LIMITS.embedTotal);
  for (const row of reply.components) {
    expect(row.components.length).toBeLessThanOrEqual(LIMITS.buttonsPerRow);
    for (const b of row.components) {
      if ('custom_id' in b) expect(b.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);
      if ('label' in b && b.label !== undefined) expect(b.label.length).toBeLessThanOrEqual(LIMITS.buttonLabel);
    }
  }
}
