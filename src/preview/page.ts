import { QUESTION_MAX_CHARS } from '../knowledge/limits.ts';
import type { KnowledgeBase } from '../knowledge/types.ts';
import type { UnansweredQuestion, VoteTally } from '../store/question-log.ts';
import type { ParagraphCoverage, SentenceCoverage } from './coverage.ts';
import { escapeHtml } from './discord-html.ts';

/**
 * The knowledge preview page: the article with each sentence marked by what covers it, the
 * questions members asked that were not answered, the votes on answers, and a box to try a
 * question. Rendered whole on the server; the one script only sends the box's question.
 */

export interface PageData {
  readonly knowledge: KnowledgeBase;
  readonly coverage: readonly ParagraphCoverage[];
  readonly unanswered: readonly UnansweredQuestion[];
  readonly unansweredTotal: number;
  readonly tallies: readonly VoteTally[];
  readonly entryLabel: (entry: string) => string | undefined;
  /** Said when the question log could not be read, instead of an empty list that looks like good news. */
  readonly logProblem?: string;
  /** Problems in the knowledge files as they are now; the page shows the last good version. */
  readonly problems?: readonly string[];
}

const STYLE = `
:root { color-scheme: light; font-family: system-ui, sans-serif; }
body { margin: 0; background: #f6f7f9; color: #1f2328; }
header { background: #313338; color: #fff; padding: 16px 24px; }
header h1 { margin: 0 0 4px; font-size: 20px; }
header p { margin: 0; color: #c4c9ce; font-size: 13px; }
main { display: grid; grid-template-columns: minmax(0, 3fr) minmax(320px, 2fr); gap: 24px; padding: 24px; }
section { background: #fff; border-radius: 8px; padding: 16px 20px; box-shadow: 0 1px 2px rgba(0,0,0,.08); margin-bottom: 24px; }
h2 { font-size: 16px; margin: 0 0 12px; }
.legend span { display: inline-block; margin-right: 12px; font-size: 13px; }
.paragraph { line-height: 1.7; margin: 0 0 8px; }
.sentence { border-radius: 3px; padding: 1px 2px; }
.sentence sup { font-size: 10px; color: #57606a; margin-left: 2px; }
.cover-qa { background: #d3f9d8; }
.cover-fact { background: #d0ebff; }
.cover-derived { background: #e5dbff; }
.cover-none { background: #fff3bf; }
.sources-box { font-size: 12px; color: #57606a; margin: 0 0 16px; }
.sources { font-size: 12px; color: #57606a; margin: 0 0 16px; padding-left: 18px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; padding: 4px 6px; border-bottom: 1px solid #eaeef2; vertical-align: top; }
td.n { text-align: right; white-space: nowrap; }
form { display: flex; gap: 8px; }
input[type=text] { flex: 1; padding: 8px; font-size: 14px; border: 1px solid #d0d7de; border-radius: 6px; }
form button { padding: 8px 14px; border-radius: 6px; border: 0; background: #5865f2; color: #fff; font-size: 14px; cursor: pointer; }
#reply { margin-top: 16px; }
.discord-message { background: #313338; color: #dbdee1; padding: 12px 16px; border-radius: 8px; font-size: 14px; }
.discord-message .content { margin-bottom: 6px; }
.embed { background: #2b2d31; border-left: 4px solid; border-radius: 4px; padding: 8px 12px 12px; max-width: 520px; }
.embed-title { font-weight: 600; color: #fff; margin: 4px 0 6px; }
.embed-description { line-height: 1.4; }
.field { margin-top: 8px; }
.field-name { font-weight: 600; color: #fff; font-size: 13px; }
.field-value blockquote { margin: 2px 0; padding-left: 10px; border-left: 4px solid #4e5058; }
.embed-footer { margin-top: 8px; font-size: 12px; color: #949ba4; }
.embed small { color: #949ba4; font-size: 12px; display: block; margin-top: 6px; }
.embed pre { background: #1e1f22; padding: 8px; border-radius: 4px; white-space: pre-wrap; }
.action-row { display: flex; gap: 8px; margin-top: 8px; flex-wrap: wrap; }
.discord-button { background: #4e5058; color: #fff; border: 0; border-radius: 3px; padding: 6px 14px; font-size: 14px; }
.discord-button.style-1 { background: #5865f2; }
.discord-select { background: #1e1f22; color: #dbdee1; border: 0; padding: 8px; border-radius: 4px; min-width: 260px; }
.empty { color: #57606a; font-size: 13px; }
.problems { background: #ffe3e3; color: #c92a2a; margin: 0; padding: 12px 24px; font-size: 14px; }
`;

const SCRIPT = `
const form = document.getElementById('try');
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const question = document.getElementById('question').value;
  const out = document.getElementById('reply');
  out.setAttribute('aria-busy', 'true');
  try {
    const response = await fetch('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });
    const data = await response.json();
    out.innerHTML = response.ok ? data.html : '<p class="empty"></p>';
    if (!response.ok) out.firstChild.textContent = data.error;
  } catch (error) {
    out.textContent = 'The preview server did not answer: ' + error;
  } finally {
    out.removeAttribute('aria-busy');
  }
});
`;

const KIND_LABEL = { qa: 'Q&A', fact: 'fact', derived: 'derived fact' } as const;

function coverClass(s: SentenceCoverage): string {
  if (s.sources.some((x) => x.kind === 'qa')) return 'cover-qa';
  if (s.sources.some((x) => x.kind === 'fact')) return 'cover-fact';
  if (s.sources.some((x) => x.kind === 'derived')) return 'cover-derived';
  return 'cover-none';
}

function sentenceHtml(s: SentenceCoverage): string {
  const names = s.sources.map((x) => `${KIND_LABEL[x.kind]}: ${x.label}`).join('\n');
  const title = names !== '' ? names : 'No Q&A entry or fact cites this sentence';
  return `<span class="sentence ${coverClass(s)}" data-id="${s.passage.id}" data-sources="${s.sources.length}" title="${escapeHtml(title)}">${escapeHtml(s.passage.text)}<sup>${s.passage.id}${s.sources.length > 0 ? ` · ${s.sources.length}` : ''}</sup></span>`;
}

function paragraphHtml(p: ParagraphCoverage): string {
  const sources = p.sentences
    .filter((s) => s.sources.length > 0)
    .map((s) => `<li><b>${s.passage.id}</b>: ${s.sources.map((x) => `${KIND_LABEL[x.kind]} ${escapeHtml(x.label)}`).join('; ')}</li>`)
    .join('');
  return `<p class="paragraph" data-paragraph="${p.paragraph}">${p.sentences.map(sentenceHtml).join(' ')}</p>${sources !== '' ? `<details class="sources-box"><summary>What cites paragraph ${p.paragraph}</summary><ul class="sources">${sources}</ul></details>` : ''}`;
}

function unansweredHtml(data: PageData): string {
  if (data.logProblem !== undefined) return `<p class="empty">${escapeHtml(data.logProblem)}</p>`;
  if (data.unanswered.length === 0) return '<p class="empty">No unanswered questions logged yet.</p>';
  const rows = data.unanswered
    .map(
      (q) =>
        `<tr><td>${escapeHtml(q.question)}${q.reason === 'unsure' ? ' <i>(answered unsure)</i>' : ''}</td><td class="n">${q.count}×</td><td>${escapeHtml(q.lastSeen.toISOString().slice(0, 16).replace('T', ' '))}</td><td>${escapeHtml(q.vias.join(', '))}</td></tr>`,
    )
    .join('');
  const more = data.unansweredTotal > data.unanswered.length ? `<p class="empty">…and ${data.unansweredTotal - data.unanswered.length} more (see /gaps).</p>` : '';
  return `<table id="unanswered-table"><thead><tr><th>question</th><th>asked</th><th>last (UTC)</th><th>way in</th></tr></thead><tbody>${rows}</tbody></table>${more}`;
}

function votesHtml(data: PageData): string {
  if (data.tallies.length === 0) return '<p class="empty">No votes yet.</p>';
  const rows = data.tallies
    .map((t) => `<tr><td>${escapeHtml(data.entryLabel(t.entry) ?? t.entry)}</td><td class="n">👍 ${t.up}</td><td class="n">👎 ${t.down}</td></tr>`)
    .join('');
  return `<table id="votes-table"><thead><tr><th>answer</th><th>up</th><th>down</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/**
 * The example in the question box, from the article shown: "who is <the first person found in
 * it>?", else "what is <its title> about?", so it fits whatever article is loaded.
 */
export function examplePlaceholder(knowledge: KnowledgeBase): string {
  const people = knowledge.facts.filter((f) => f.kind === 'person');
  const person = people.find((f) => knowledge.derivedFactIds.has(f.id)) ?? people[0];
  if (person !== undefined) return `who is ${person.name}?`;
  const title = knowledge.article.meta.title?.trim();
  return title ? `what is "${title}" about?` : 'what is the article about?';
}

export function renderPage(data: PageData): string {
  const { knowledge } = data;
  const title = knowledge.article.meta.title ?? 'The article';
  const sentences = data.coverage.flatMap((p) => p.sentences);
  const covered = sentences.filter((s) => s.sources.length > 0).length;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>citebot preview: ${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
  <h1>${escapeHtml(title)}</h1>
  <p>Knowledge version ${escapeHtml(knowledge.version)}, loaded ${escapeHtml(knowledge.loadedAt.toISOString())} · ${covered} of ${sentences.length} sentences cited by an entry · ${knowledge.qa.length} Q&amp;A entries, ${knowledge.facts.length} facts (${knowledge.derivedFactIds.size} derived from the article)</p>
</header>
${(data.problems ?? []).length > 0 ? `<div class="problems" id="problems"><b>The knowledge files have problems; showing the last version that loaded.</b><ul>${(data.problems ?? []).map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul></div>` : ''}
<main>
  <div>
    <section id="article">
      <h2>The article, sentence by sentence</h2>
      <p class="legend"><span class="sentence cover-qa">Q&amp;A entry</span><span class="sentence cover-fact">fact</span><span class="sentence cover-derived">derived fact</span><span class="sentence cover-none">nothing cites it</span></p>
      ${data.coverage.map(paragraphHtml).join('\n')}
    </section>
  </div>
  <div>
    <section id="try-section">
      <h2>Try a question</h2>
      <form id="try"><input type="text" id="question" name="question" maxlength="${QUESTION_MAX_CHARS}" placeholder="${escapeHtml(examplePlaceholder(knowledge))}" autocomplete="off"><button type="submit">Ask</button></form>
      <div id="reply" aria-live="polite"></div>
    </section>
    <section id="unanswered">
      <h2>Questions it could not answer</h2>
      ${unansweredHtml(data)}
    </section>
    <section id="votes">
      <h2>Votes on answers</h2>
      ${votesHtml(data)}
    </section>
  </div>
</main>
<script>${SCRIPT}</script>
</body>
</html>`;
}
