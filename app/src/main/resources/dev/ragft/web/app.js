// ragft's questionnaire page: reads and writes the answers in the address fragment, asks the service
// for advice after every change (POST /v1/consult, same origin, application/json) and draws the result.
// No framework, no eval, no inline code: the page's Content-Security-Policy allows this file only.
'use strict';

(function () {
  const form = document.getElementById('questions');
  const questions = [];
  const byId = new Map();
  for (const div of form.querySelectorAll('[data-question]')) {
    const id = div.dataset.question;
    const q = {
      id: id,
      div: div,
      type: div.dataset.type,
      required: div.dataset.required === 'true',
      control: document.getElementById('f-' + id),
      error: document.getElementById('e-' + id),
      note: document.getElementById('k-' + id),
      body: document.getElementById('b-' + id)
    };
    q.reason = q.note.querySelector('.reason');
    q.show = q.note.querySelector('button');
    q.firstOption = q.control.tagName === 'SELECT' ? q.control.options[0].textContent : null;
    questions.push(q);
    byId.set(id, q);
  }

  const el = (id) => document.getElementById(id);
  const statusLine = el('status');
  const mini = el('mini-text');
  // The status line (read out by screen readers) and the narrow screen's bottom bar say the same.
  const status = {
    set textContent(text) {
      statusLine.textContent = text;
      mini.textContent = text;
    },
    get textContent() {
      return statusLine.textContent;
    }
  };
  const result = el('result');
  // Keys in the address that are no question: kept (and reported) so nothing given is dropped.
  let extras = new Map();
  // Questions the user opened although they are collapsed ("Answer anyway").
  const opened = new Set();
  let sequence = 0;
  let timer = null;
  let haveResult = false;

  el('noscript').hidden = true;

  // ---- answers <-> fields <-> address fragment ----

  function answers() {
    const all = {};
    for (const q of questions) {
      const value = q.control.value.trim();
      if (value !== '') {
        all[q.id] = value;
      }
    }
    for (const [id, value] of extras) {
      all[id] = value;
    }
    return all;
  }

  function writeFragment() {
    const params = new URLSearchParams();
    for (const [id, value] of Object.entries(answers())) {
      params.append(id, value);
    }
    const text = params.toString();
    history.replaceState(null, '', text === '' ? location.pathname + location.search : '#' + text);
  }

  function setValue(q, value) {
    if (q.control.tagName !== 'SELECT') {
      q.control.value = value;
      return;
    }
    // A value that is no option (a shared link with a typo) is kept as an option of its own, so it is
    // reported next to the field with the CLI's message instead of vanishing.
    for (const option of Array.from(q.control.options)) {
      if (option.dataset.typed === 'true' && option.value !== value) {
        option.remove();
      }
    }
    const wanted = value.trim().toLowerCase();
    const match = Array.from(q.control.options).find((option) =>
      option.value.toLowerCase() === wanted || option.textContent.toLowerCase() === wanted);
    if (wanted === '' || match) {
      q.control.value = match ? match.value : '';
      return;
    }
    const option = document.createElement('option');
    option.value = value;
    option.textContent = value + ' (as given)';
    option.dataset.typed = 'true';
    q.control.appendChild(option);
    q.control.value = value;
  }

  function readFragment() {
    const params = new URLSearchParams(location.hash.replace(/^#/, ''));
    extras = new Map();
    for (const q of questions) {
      setValue(q, '');
    }
    for (const [id, value] of params) {
      const q = byId.get(id);
      if (q) {
        setValue(q, value);
      } else if (value !== '') {
        extras.set(id, value);
      }
    }
  }

  // ---- talking to the service ----

  async function post(path, body) {
    return fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store'
    });
  }

  async function consult() {
    clearTimeout(timer);
    const mine = ++sequence;
    let response;
    let data;
    try {
      response = await post('/v1/consult', { answers: answers() });
      data = await response.json();
    } catch (e) {
      if (mine === sequence) {
        status.textContent = 'The ragft service cannot be reached; your answers are kept in this page\u2019s address.';
      }
      return;
    }
    if (mine !== sequence) {
      return; // a newer change is already on its way
    }
    if (!response.ok) {
      showGeneralErrors(data.errors || []);
      status.textContent = 'The service refused the request.';
      return;
    }
    render(data);
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(consult, 250);
  }

  // ---- drawing ----

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
  }

  function item(list, text) {
    const li = document.createElement('li');
    li.textContent = text;
    list.appendChild(li);
    return li;
  }

  function showGeneralErrors(errors) {
    const list = el('general-errors');
    clear(list);
    for (const error of errors) {
      item(list, error.field + ': ' + error.message);
    }
    list.hidden = errors.length === 0;
  }

  function render(data) {
    const errors = new Map();
    for (const error of data.fieldErrors) {
      errors.set(error.field, error.message);
    }
    for (const q of questions) {
      const message = errors.get(q.id);
      q.error.textContent = message ? message : '';
      q.error.hidden = !message;
      q.div.classList.toggle('invalid', Boolean(message));
      if (message) {
        q.control.setAttribute('aria-invalid', 'true');
      } else {
        q.control.removeAttribute('aria-invalid');
      }
      const fallback = data.defaults[q.id];
      if (q.control.tagName === 'SELECT') {
        q.control.options[0].textContent = fallback !== undefined && !q.required
          ? 'default: ' + labelOf(q, fallback) : q.firstOption;
      } else if (fallback !== undefined) {
        q.control.placeholder = 'default: ' + fallback;
      }
      collapse(q, data.notAsked[q.id] || data.irrelevant[q.id]);
    }
    showGeneralErrors(data.unknown);

    const missing = el('missing');
    clear(missing);
    for (const m of data.missing) {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'link';
      button.textContent = m.prompt;
      button.addEventListener('click', () => focusField(byId.get(m.field)));
      li.appendChild(button);
      missing.appendChild(li);
    }
    missing.hidden = data.missing.length === 0;

    if (!data.report) {
      result.classList.add('stale');
      if (data.missing.length > 0) {
        status.textContent = 'Answer the required questions (' + data.missing.length + ' left):';
      } else {
        status.textContent = 'Fix the answers marked in red' + (haveResult ? '; the result below is for your last valid answers.' : '.');
      }
      return;
    }
    haveResult = true;
    result.hidden = false;
    result.classList.remove('stale');
    drawReport(data);
  }

  function labelOf(q, value) {
    const option = Array.from(q.control.options).find((o) => o.value === value);
    return option && option.value !== '' ? option.textContent : value;
  }

  function collapse(q, reason) {
    const filled = q.control.value.trim() !== '';
    const focused = q.div.contains(document.activeElement);
    if (!reason || filled) {
      q.note.hidden = true;
      q.body.hidden = false;
      q.div.classList.remove('collapsed');
      return;
    }
    q.reason.textContent = reason + '.';
    q.note.hidden = false;
    const open = opened.has(q.id) || focused;
    q.body.hidden = !open;
    q.div.classList.toggle('collapsed', !open);
    q.show.textContent = open ? 'Collapse' : 'Answer anyway';
    q.show.setAttribute('aria-expanded', String(open));
  }

  function drawReport(data) {
    const report = data.report;
    const r = report.recommendation;
    el('strategy').textContent = r.strategy;
    el('confidence').textContent = '(' + r.confidence + ' confidence)';
    el('deployment').textContent = 'Deployment (' + r.deployment + '): ' + r.deploymentNote;
    status.textContent = 'Recommendation: ' + r.strategy + ', ' + r.confidence + ' confidence.';

    const deciding = el('deciding');
    clear(deciding);
    for (const id of r.decidingCriteria) {
      const row = report.criteria.find((c) => c.id === id);
      const li = item(deciding, row ? row.reason + ' ' : '');
      const code = document.createElement('code');
      code.textContent = id;
      li.appendChild(code);
    }
    if (r.decidingCriteria.length === 0) {
      item(deciding, 'No single criterion decided.');
    }

    const chart = el('chart');
    clear(chart);
    const img = document.createElement('img');
    img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(data.chartSvg);
    img.alt = chartText(report.costs);
    img.width = 640;
    img.height = 320;
    chart.appendChild(img);

    const costs = report.costs;
    el('breakeven').textContent = costs.breakEvenMonth === null
      ? 'Fine-tuning does not break even with RAG within the horizon.'
      : 'Fine-tuning breaks even with RAG in month ' + costs.breakEvenMonth + '.';

    const caveats = el('caveats');
    clear(caveats);
    for (const caveat of report.caveats) {
      const li = item(caveats, '');
      const strong = document.createElement('strong');
      strong.textContent = caveat.severity + ' ';
      li.appendChild(strong);
      li.appendChild(document.createTextNode(caveat.message));
      li.className = caveat.severity.toLowerCase();
    }
    if (report.caveats.length === 0) {
      item(caveats, 'None.');
    }

    const flips = el('flips');
    clear(flips);
    for (const flip of data.flips) {
      const li = item(flips, flip.text + ' ');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'apply';
      button.dataset.question = flip.question;
      button.dataset.value = flip.value;
      button.textContent = 'Apply';
      button.setAttribute('aria-label', 'Apply: ' + flip.text);
      button.addEventListener('click', () => applyFlip(flip));
      li.appendChild(button);
    }
    if (data.flips.length === 0) {
      item(flips, 'No single answer changes the recommendation.');
    }
    const crossover = el('crossover');
    clear(crossover);
    for (const line of report.crossover) {
      item(crossover, line);
    }
  }

  function chartText(costs) {
    const money = (v) => '$' + Number(v).toLocaleString('en-US');
    return 'Cumulative cost over ' + costs.horizonMonths + ' months: fine-tune ' + money(costs.FINE_TUNE.totalUsd)
      + ', RAG ' + money(costs.RAG.totalUsd) + ', hybrid ' + money(costs.HYBRID.totalUsd) + '.';
  }

  function focusField(q) {
    if (!q) {
      return;
    }
    opened.add(q.id);
    q.body.hidden = false;
    q.div.classList.remove('collapsed');
    q.control.focus();
  }

  function applyFlip(flip) {
    const q = byId.get(flip.question);
    if (!q) {
      return;
    }
    setValue(q, flip.value);
    opened.add(q.id);
    changed();
    el('advice').focus();
  }

  function changed() {
    writeFragment();
    consult();
  }

  // ---- events ----

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    changed();
  });
  form.addEventListener('input', (event) => {
    if (event.target.tagName === 'INPUT') {
      writeFragment(); // at once: a reload never loses what was typed
      later();
    }
  });
  form.addEventListener('change', (event) => {
    if (event.target.tagName === 'SELECT') {
      changed();
    }
  });
  for (const q of questions) {
    q.show.addEventListener('click', () => {
      const open = q.body.hidden;
      if (open) {
        opened.add(q.id);
      } else {
        opened.delete(q.id);
      }
      q.body.hidden = !open;
      q.div.classList.toggle('collapsed', !open);
      q.show.textContent = open ? 'Collapse' : 'Answer anyway';
      q.show.setAttribute('aria-expanded', String(open));
      if (open) {
        q.control.focus();
      }
    });
  }
  window.addEventListener('hashchange', () => {
    readFragment();
    consult();
  });
  for (const link of document.querySelectorAll('a.skip')) {
    link.addEventListener('click', (event) => {
      event.preventDefault(); // the fragment holds the answers, not an anchor
      el('advice').focus();
    });
  }

  el('mini-go').addEventListener('click', () => {
    el('advice').scrollIntoView();
    el('advice').focus();
  });

  el('copy-link').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      status.textContent = 'Link copied: it reproduces this consultation.';
    } catch (e) {
      status.textContent = 'Copy the address from the address bar: it holds your answers.';
    }
  });
  el('clear').addEventListener('click', () => {
    extras = new Map();
    opened.clear();
    for (const q of questions) {
      setValue(q, '');
    }
    changed();
  });

  for (const button of el('downloads').querySelectorAll('button[data-format]')) {
    button.addEventListener('click', () => download(button.dataset.format));
  }

  async function download(format) {
    let response;
    try {
      response = await post('/v1/report?format=' + encodeURIComponent(format), { answers: answers() });
    } catch (e) {
      status.textContent = 'The ragft service cannot be reached.';
      return;
    }
    if (!response.ok) {
      const data = await response.json();
      showGeneralErrors(data.errors || []);
      status.textContent = 'There is no report until the answers are complete and valid.';
      return;
    }
    const disposition = response.headers.get('Content-Disposition') || '';
    const name = (disposition.match(/filename="([^"]+)"/) || [null, 'ragft-report'])[1];
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  el('answers-file').addEventListener('change', async (event) => {
    const file = event.target.files[0];
    const error = el('answers-file-error');
    error.hidden = true;
    if (!file) {
      return;
    }
    if (file.size > 64 * 1024) {
      error.textContent = file.name + ': the file is larger than 64 KiB; an answers file is a few hundred bytes.';
      error.hidden = false;
      return;
    }
    let response;
    let data;
    try {
      response = await post('/v1/answers-file', { name: file.name, text: await file.text() });
      data = await response.json();
    } catch (e) {
      error.textContent = file.name + ': cannot be read (' + e.message + ').';
      error.hidden = false;
      return;
    }
    if (!response.ok) {
      error.textContent = data.errors.map((e) => e.field + ': ' + e.message).join('\n');
      error.hidden = false;
      return;
    }
    extras = new Map();
    opened.clear();
    for (const q of questions) {
      setValue(q, '');
    }
    for (const [id, value] of Object.entries(data.answers)) {
      const q = byId.get(id);
      if (q) {
        setValue(q, value);
      } else {
        extras.set(id, value);
      }
    }
    status.textContent = 'Loaded ' + data.name + (data.description ? ': ' + data.description : '.');
    changed();
  });

  readFragment();
  consult();
})();
