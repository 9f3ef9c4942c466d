// The vanilla baseline: fetch the dataset, render cards (name, cohort, destination, tenure), filter as you type,
// 24 cards then "Show more" like the widget (a new search starts again at one page). ?src=URL reads another
// dataset (same schema); ?all=1 renders every match (the "naive" variant, no paging). Cards are built once per
// person and reused, like a keyed list.
const params = new URLSearchParams(location.search);
const src = params.get('src') ?? new URL('../../data/departures.json', import.meta.url).href;
const PAGE = params.get('all') === '1' ? Infinity : 24;
const COHORT = { long_time: 'Long-time Meta', pre_msl: 'Joined Meta 2024–25', new_msl: 'New MSL hire' };

const $ = (id) => document.getElementById(id);
const fold = (s) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
const terms = (q) => q.split(/\s+/).map(fold).filter(Boolean);

const people = (await (await fetch(src)).json()).people;
const hay = people.map((p) => {
  const texts = [p.destination.org, p.destination.role, ...p.prior_employers.map((e) => e.org), ...p.later.flatMap((l) => [l.org, l.role])];
  return [p.name_en, p.name_zh.text, ...texts.filter(Boolean).flatMap((t) => [t.en, t.zh])].map(fold).join('|');
});
// Longest tenure first, then by name (the widget's default order).
const order = people.map((_, i) => i).sort((a, b) => people[b].tenure.weeks_estimate - people[a].tenure.weeks_estimate || (people[a].name_en < people[b].name_en ? -1 : 1));

const cards = new Map();
function card(i) {
  let li = cards.get(i);
  if (li) return li;
  const p = people[i];
  li = document.createElement('li');
  li.className = 'card';
  li.dataset.testid = 'person-card';
  li.dataset.personId = p.id;
  const h = li.appendChild(document.createElement('h3'));
  h.textContent = `${p.name_en} ${p.name_zh.text}`;
  const badge = li.appendChild(document.createElement('p'));
  badge.className = 'badge';
  badge.textContent = COHORT[p.cohort];
  const dl = li.appendChild(document.createElement('dl'));
  const dest = p.destination.org ? [p.destination.org.en, p.destination.role?.en].filter(Boolean).join(' · ') : 'Not announced';
  for (const [k, v] of [['Went to', dest], ['Time at Meta', p.tenure.reported.en]]) {
    dl.appendChild(document.createElement('dt')).textContent = k;
    dl.appendChild(document.createElement('dd')).textContent = v;
  }
  cards.set(i, li);
  return li;
}

let matching = order;
let limit = PAGE;
let shown = [];
function render() {
  const next = matching.slice(0, limit);
  if (next.length !== shown.length || next.some((i, k) => i !== shown[k])) {
    $('grid').replaceChildren(...next.map(card));
    shown = next;
  }
  const n = matching.length;
  $('count').textContent = n === 0 ? `No one shown of ${people.length} people` : n === people.length ? `All ${n} people shown` : `${n} of ${people.length} people shown`;
  $('more').hidden = n <= limit;
  $('more-button').textContent = `Show more (+${Math.min(PAGE, n - limit)})`;
}
function search() {
  const t = terms($('q').value);
  matching = order.filter((i) => t.every((term) => hay[i].includes(term)));
  limit = PAGE;
  render();
}
$('q').addEventListener('input', search);
$('more-button').addEventListener('click', () => {
  limit += PAGE;
  render();
});
// Text typed into the box before the data arrived is searched for at once (the widget carries it over too).
if ($('q').value) search();
else render();

// The calculator: straight-line pro rata pay of $100M a year for the weeks typed.
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
function calc() {
  const text = $('weeks').value.trim();
  const weeks = text === '' ? NaN : Number(text);
  const ok = Number.isFinite(weeks) && weeks >= 0;
  $('weeks').setAttribute('aria-invalid', String(!ok));
  $('weeks-error').hidden = ok;
  $('amount').textContent = ok ? `${usd.format((100_000_000 * weeks) / 52)} for ${weeks} weeks` : '';
}
$('weeks').addEventListener('input', calc);
calc();
