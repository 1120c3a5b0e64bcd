/**
 * Discord's limits, named once. Renderers shorten text to these before building, because the
 * discord.js builders throw past a limit and Discord rejects the whole message past the others.
 * Lengths are counted in UTF-16 code units, as the builders count them (never fewer than
 * Discord's own count).
 */
export const LIMITS = Object.freeze({
  messageContent: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooterText: 2048,
  embedAuthorName: 256,
  /** Title, description, field names and values, footer and author together, per message. */
  embedTotal: 6000,
  embedsPerMessage: 10,
  autocompleteChoices: 25,
  choiceNameMin: 1,
  choiceNameMax: 100,
  choiceValueMax: 100,
  customId: 100,
  buttonLabel: 80,
  selectOptions: 25,
  selectOptionLabel: 100,
  selectOptionValue: 100,
  selectOptionDescription: 100,
  selectPlaceholder: 150,
  buttonsPerRow: 5,
  actionRows: 5,
  commandNameMin: 1,
  commandNameMax: 32,
  commandDescriptionMin: 1,
  commandDescriptionMax: 100,
});

/** Command and option names: lowercase, 1..32, letters, digits, `-` and `_`. */
export const COMMAND_NAME = /^[-_\p{Ll}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
