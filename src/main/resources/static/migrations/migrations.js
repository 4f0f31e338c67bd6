// 在办案件版本迁移 (docs/migration.md): a designer or administrator chooses a model and two versions, reads
// what changed, maps the steps the new version no longer has, tries the move (nothing changes) and reads
// each case's reasons in Chinese, then runs it with an Idempotency-Key and watches its progress. Signs in
// through Camunda's webapps (cockpit/webapp-session.js), as the leader cockpit does; the page holds no data.

import { session, signedInUser, signIn as signInToWebapps, signOut as signOutOfWebapps } from '/cockpit/webapp-session.js';

const DONE = 'DONE';

const state = {
  changes: null, // the answer of /api/migrations/changes being worked on
  tried: null, // the request the last dry run was for (JSON), to run exactly that
  runKey: null, // the Idempotency-Key of that request: a retry or a second click replays, never moves twice
  polling: null,
};

const $ = (id) => document.getElementById(id);

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value);
  }
  children.forEach((child) => node.append(child));
  return node;
}

class Refused extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

/** A call of the platform's API as the user signed in to the webapps; a refusal carries its Chinese words. */
async function api(method, path, body, extraHeaders = {}) {
  const headers = { Accept: 'application/json', 'X-XSRF-TOKEN': session.token || '', ...extraHeaders };
  if (body) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body ? JSON.stringify(body) : undefined,
  });
  let answer = null;
  try {
    answer = await response.json();
  } catch (e) {
    // an empty answer
  }
  if (!response.ok) {
    const fields = answer && answer.errors ? answer.errors.map((f) => f.message).join('；') : '';
    const detail = fields || (answer && (answer.detail || answer.title)) || '请求失败（' + response.status + '）';
    throw new Refused(response.status, detail);
  }
  return answer;
}

function show(section) {
  for (const id of ['sign-in', 'forbidden', 'work']) $(id).hidden = id !== section;
}

function problem(message) {
  $('work-error').textContent = message;
  $('work-error').hidden = !message;
}

async function start() {
  const user = await signedInUser();
  if (!user) {
    show('sign-in');
    $('who').hidden = true;
    $('username').focus();
    return;
  }
  $('user-name').textContent = user.userId;
  $('who').hidden = false;
  try {
    await loadChanges();
    show('work');
  } catch (e) {
    if (e instanceof Refused && e.status === 403) show('forbidden');
    else if (e instanceof Refused && e.status === 401) show('sign-in');
    else {
      show('work');
      problem(e.message);
    }
  }
}

async function signIn(event) {
  event.preventDefault();
  const refused = await signInToWebapps($('username').value.trim(), $('password').value);
  if (refused) return signInError(refused);
  $('sign-in-error').hidden = true;
  $('password').value = '';
  await start();
}

function signInError(message) {
  $('sign-in-error').textContent = message;
  $('sign-in-error').hidden = false;
}

async function signOut() {
  stopPolling();
  if (!(await signOutOfWebapps())) return;
  await start();
}

// 第一步、第二步: the versions and what changed

async function loadChanges() {
  const params = new URLSearchParams({ key: $('key').value });
  if ($('from').value) params.set('from', $('from').value);
  if ($('to').value) params.set('to', $('to').value);
  const changes = await api('GET', '/api/migrations/changes?' + params);
  state.changes = changes;
  $('from').value = changes.from.version;
  $('to').value = changes.to.version;
  $('changes-summary').textContent = '从第 ' + changes.from.version + ' 版到第 ' + changes.to.version + ' 版（'
    + changes.to.name + '）：旧版本上有在办案件 ' + changes.openCases + ' 件。';
  const rows = $('steps').tBodies[0];
  rows.replaceChildren();
  for (const step of changes.steps) {
    const name = step.previousName && step.previousName !== step.name
      ? step.previousName + ' → ' + step.name : (step.name || step.id);
    const row = el('tr', { 'data-step': step.id, 'data-change': step.change },
      el('td', { text: name }), el('td', { text: step.id }),
      el('td', { class: step.change, text: step.changeLabel }), el('td', { class: 'n', text: String(step.openCases) }));
    rows.append(row);
  }
  renderMappings(changes);
  $('changes').hidden = false;
  $('mappings').hidden = false;
  $('trial').hidden = false;
  forgetTrial();
}

async function chooseVersions(event) {
  event.preventDefault();
  problem('');
  try {
    await loadChanges();
  } catch (e) {
    if (e instanceof Refused && e.status === 403) return show('forbidden');
    problem(e.message);
  }
}

// 第三步: a step the new version no longer has, mapped onto one of its steps of the same kind

function renderMappings(changes) {
  const removed = changes.steps.filter((s) => s.change === 'REMOVED');
  const targets = changes.steps.filter((s) => s.change !== 'REMOVED');
  const box = $('mapping-rows');
  box.replaceChildren();
  for (const step of removed) {
    const select = el('select', { id: 'map-' + step.id, 'data-from': step.id });
    select.append(el('option', { value: '', text: '不对应（停在这里的案件不迁移）' }));
    targets.filter((t) => t.type === step.type)
      .forEach((t) => select.append(el('option', { value: t.id, text: (t.name || t.id) + '（' + t.id + '）' })));
    select.addEventListener('change', forgetTrial);
    box.append(el('div', { class: 'mapping' },
      el('label', { for: select.id, text: '旧环节「' + (step.name || step.id) + '」（' + step.id + '，在办 ' + step.openCases + ' 件）对应到' }),
      select));
  }
  $('no-mappings').hidden = removed.length > 0;
}

function request() {
  const mappings = [...document.querySelectorAll('#mapping-rows select')]
    .filter((s) => s.value)
    .map((s) => ({ from: s.dataset.from, to: s.value }));
  return {
    key: state.changes.key,
    fromVersion: state.changes.from.version,
    toVersion: state.changes.to.version,
    mappings,
  };
}

// 第四步: the dry run, each case with its reasons

function forgetTrial() {
  state.tried = null;
  state.runKey = null;
  $('trial-result').hidden = true;
  $('execute').hidden = true;
  $('progress').hidden = true;
  $('run').disabled = false;
  stopPolling();
}

async function dryRun() {
  problem('');
  const body = request();
  let answer;
  try {
    answer = await api('POST', '/api/migrations/dry-run', body);
  } catch (e) {
    return problem(e.message);
  }
  $('trial-summary').textContent = '旧版本上的在办案件 ' + answer.openCases + ' 件：可以迁移 ' + answer.movable
    + ' 件，不能迁移 ' + answer.notMovable + ' 件。';
  const rows = $('verdicts').tBodies[0];
  rows.replaceChildren();
  for (const verdict of answer.cases) {
    rows.append(el('tr', { 'data-case': verdict.trackingNo, 'data-movable': String(verdict.movable) },
      el('td', { text: verdict.trackingNo }),
      el('td', { class: verdict.movable ? 'movable' : 'stuck', text: verdict.movable ? '可以迁移' : '不能迁移' }),
      el('td', { text: verdict.reasons.join('；') })));
  }
  $('trial-result').hidden = false;
  state.tried = JSON.stringify(body);
  state.runKey = newKey();
  $('execute').hidden = answer.movable === 0;
  $('run').disabled = false;
  $('progress').hidden = true;
}

function newKey() {
  if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

// 第五步: the batch, then its progress until done

async function run() {
  problem('');
  if (!state.tried) return;
  $('run').disabled = true;
  let progress;
  try {
    progress = await api('POST', '/api/migrations', JSON.parse(state.tried), { 'Idempotency-Key': state.runKey });
  } catch (e) {
    $('run').disabled = false;
    return problem(e.message);
  }
  showProgress(progress);
  poll(progress.id);
}

function showProgress(progress) {
  $('progress').hidden = false;
  $('migration-id').textContent = String(progress.id);
  $('progress').dataset.state = progress.state;
  $('migration-state').textContent = progress.stateLabel;
  const jobs = progress.jobs;
  $('migration-bar').max = Math.max(jobs.total, 1);
  $('migration-bar').value = jobs.completed;
  $('migration-jobs').textContent = '迁移作业 ' + jobs.completed + ' / ' + jobs.total
    + (jobs.failed ? '，失败 ' + jobs.failed : '') + '；提交案件 ' + progress.casesSubmitted + ' 件';
  if (progress.result) {
    const r = progress.result;
    $('migration-result').textContent = '已迁移 ' + r.moved + ' 件' + (r.ended ? '，迁移前已办结 ' + r.ended + ' 件' : '')
      + (r.notMoved.length ? '；未迁移：' + r.notMoved.join('、') : '');
  }
}

function poll(id) {
  stopPolling();
  state.polling = setTimeout(async () => {
    try {
      const progress = await api('GET', '/api/migrations/' + id);
      showProgress(progress);
      if (progress.state !== DONE) poll(id);
    } catch (e) {
      problem(e.message);
    }
  }, 1000);
}

function stopPolling() {
  if (state.polling) clearTimeout(state.polling);
  state.polling = null;
}

$('sign-in-form').addEventListener('submit', signIn);
$('sign-out').addEventListener('click', signOut);
$('choose').addEventListener('submit', chooseVersions);
$('key').addEventListener('change', () => {
  $('from').value = '';
  $('to').value = '';
});
$('dry-run').addEventListener('click', dryRun);
$('run').addEventListener('click', run);
start();
