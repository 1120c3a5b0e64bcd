import type { APIEmbed } from 'discord.js';
import type { Reply } from '../render/discord.ts';

/**
 * A reply as Discord would show it, in HTML: the embed with its colour bar, title, description,
 * quoted fields and footer, then the buttons and menus. Only the markdown the renderers use is
 * understood (bold, italics, code, code blocks, block quotes, small print, links, timestamps,
 * backslash escapes); everything is HTML-escaped first, so nothing a member typed becomes markup.
 */

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const ESCAPED = '\u0000';

function inline(text: string): string {
  // Escaped characters are set aside so no rule below reads them as markdown.
  const kept: string[] = [];
  let out = text.replace(/\\([\\*_~`|>#\-[\]()!.:<@])/g, (_, c: string) => `${ESCAPED}${kept.push(c) - 1}${ESCAPED}`);
  out = escapeHtml(out);
  out = out
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*])\*([^*\s][^*]*)\*/g, '$1<em>$2</em>')
    .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '<a href="$2" rel="noreferrer">$1</a>')
    .replace(/&lt;t:(\d{1,12})(?::[tTdDfFR])?&gt;/g, (_, s: string) => `<time>${new Date(Number(s) * 1000).toUTCString().replace(' GMT', ' UTC')}</time>`)
    .replace(/&lt;@!?(\d+)&gt;/g, '<span class="mention">@user</span>');
  return out.replace(new RegExp(`${ESCAPED}(\\d+)${ESCAPED}`, 'g'), (_, i: string) => escapeHtml(kept[Number(i)] ?? ''));
}

export function markdownToHtml(text: string): string {
  const parts = text.split(/```(?:[a-z]*)\n?/);
  return parts
    .map((part, i) => {
      if (i % 2 === 1) return `<pre><code>${escapeHtml(part.replace(/\n$/, ''))}</code></pre>`;
      return part
        .split('\n')
        .map((line) => {
          if (line.startsWith('-# ')) return `<small>${inline(line.slice(3))}</small>`;
          if (line.startsWith('> ')) return `<blockquote>${inline(line.slice(2))}</blockquote>`;
          return inline(line);
        })
        .join('<br>')
        .replace(/(<\/blockquote>|<\/small>)<br>/g, '$1');
    })
    .join('');
}

function embedHtml(e: APIEmbed): string {
  const colour = typeof e.color === 'number' ? `#${e.color.toString(16).padStart(6, '0')}` : '#1e1f22';
  const fields = (e.fields ?? [])
    .map((f) => `<div class="field"><div class="field-name">${inline(f.name)}</div><div class="field-value">${markdownToHtml(f.value)}</div></div>`)
    .join('');
  return [
    `<div class="embed" style="border-left-color:${colour}">`,
    e.title !== undefined ? `<div class="embed-title">${inline(e.title)}</div>` : '',
    e.description !== undefined ? `<div class="embed-description">${markdownToHtml(e.description)}</div>` : '',
    fields,
    e.footer !== undefined ? `<div class="embed-footer">${escapeHtml(e.footer.text)}</div>` : '',
    '</div>',
  ].join('');
}

interface ComponentJson {
  readonly type: number;
  readonly label?: string;
  readonly emoji?: { readonly name?: string | null };
  readonly custom_id?: string;
  readonly placeholder?: string;
  readonly disabled?: boolean;
  readonly style?: number;
  readonly options?: readonly { readonly label: string }[];
}

function componentHtml(c: ComponentJson): string {
  if (c.type === 2) {
    const text = [c.emoji?.name, c.label].filter((s): s is string => typeof s === 'string' && s !== '').join(' ');
    return `<button type="button" class="discord-button style-${c.style ?? 2}" data-custom-id="${escapeHtml(c.custom_id ?? '')}"${c.disabled === true ? ' disabled' : ''}>${escapeHtml(text)}</button>`;
  }
  if (c.type === 3) {
    const options = (c.options ?? []).map((o) => `<option>${escapeHtml(o.label)}</option>`).join('');
    return `<select class="discord-select" data-custom-id="${escapeHtml(c.custom_id ?? '')}"><option>${escapeHtml(c.placeholder ?? '')}</option>${options}</select>`;
  }
  return '';
}

export function replyToHtml(reply: Reply): string {
  const rows = reply.components
    .map((row) => `<div class="action-row">${(row.components as unknown as ComponentJson[]).map(componentHtml).join('')}</div>`)
    .join('');
  return [
    '<div class="discord-message">',
    reply.content !== undefined && reply.content !== '' ? `<div class="content">${markdownToHtml(reply.content)}</div>` : '',
    reply.embeds.map(embedHtml).join(''),
    rows,
    '</div>',
  ].join('');
}
