// The leader cockpit: signs in through Camunda's webapps (their session and CSRF token, as Tasklist
// does) and reads the cockpit API (/api/cockpit/…) with that session. The page itself holds no data.

import { session, signedInUser, signIn as signInToWebapps, signOut as signOutOfWebapps } from '/cockpit/webapp-session.js';

const state = {
  trail: [], // units drilled through, widest first: {code, name}
  from: null, // null: the API's default period (the current month)
  to: null,
  period: 'month',
  by: 'onTimeRate',
  process: 'appeal', // the live diagram's process: appeal or deliberation
  casesQuery: null,
  ordersQuery: null, // the order list behind a service-order count
  ordersNext: null,
  casesNext: null,
  reportsPage: 0,
};

const $ = (id) => document.getElementById(id);

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'text') node.textContent = value;
    else if (name === 'onclick') node.addEventListener('click', value);
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

/** A GET of the platform's API as the user signed in to the webapps. */
async function api(path) {
  const response = await fetch(path, {
    headers: { Accept: 'application/json', 'X-XSRF-TOKEN': session.token || '' },
    credentials: 'same-origin',
  });
  if (!response.ok) {
    let detail = '请求失败（' + response.status + '）';
    try {
      const problem = await response.json();
      detail = problem.detail || problem.title || detail;
    } catch (e) {
      // no problem details: keep the status
    }
    throw new Refused(response.status, detail);
  }
  return response.json();
}

/** A POST of JSON to the platform's API as the user signed in to the webapps. */
async function post(path, body) {
  const response = await fetch(path, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-XSRF-TOKEN': session.token || '' },
    credentials: 'same-origin',
    body: JSON.stringify(body),
  });
  let answer = null;
  try {
    answer = await response.json();
  } catch (e) {
    // an empty answer
  }
  if (!response.ok) {
    const fields = answer && answer.errors ? answer.errors.map((f) => f.message).join('；') : '';
    throw new Refused(response.status, fields || (answer && (answer.detail || answer.title)) || '提交失败（' + response.status + '）');
  }
  return answer;
}

function show(section) {
  for (const id of ['sign-in', 'forbidden', 'board']) $(id).hidden = id !== section;
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
    await loadBoard();
    show('board');
    loadFiledReports(false).catch((e) => reportError(e.message));
    // charts and the diagram drawn while the board was hidden have no width yet
    Object.values(charts).forEach((c) => c.resize());
    fitDiagram();
  } catch (e) {
    if (e instanceof Refused && e.status === 403) show('forbidden');
    else if (e instanceof Refused && e.status === 401) show('sign-in');
    else throw e;
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
  if (!(await signOutOfWebapps())) return;
  state.trail = [];
  await start();
}

function query(extra = {}) {
  const params = new URLSearchParams();
  const unit = state.trail.length ? state.trail[state.trail.length - 1].code : null;
  if (unit) params.set('unit', unit);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  for (const [name, value] of Object.entries(extra)) if (value) params.set(name, value);
  return params.toString();
}

async function loadBoard() {
  $('board-error').hidden = true;
  const figures = await api('/api/cockpit/figures?' + query());
  if (!state.trail.length) state.trail = [{ code: figures.unit.code, name: figures.unit.name }];
  $('range').textContent = figures.from + ' 至 ' + figures.to;
  renderCrumbs();
  prepareReports();
  renderTiles(figures.figures);
  renderCharts(figures);
  renderDeliberation(figures.deliberation || []);
  $('cases-panel').hidden = true;
  $('timeline-panel').hidden = true;
  await Promise.all([loadRankings(), loadDiagram(), loadHotspots(), loadOrders(figures.unit.kind)]);
  // a village or a department has no units below it: its cases come straight away
  if (figures.unit.kind === 'VILLAGE' || figures.unit.kind === 'DEPARTMENT') {
    const period = { from: figures.from, to: figures.to };
    await showCases('/api/cockpit/cases?' + query(period), figures.unit.name + ' · 本期受理的案件', false);
  }
}

function boardError(error) {
  $('board-error').textContent = error.message;
  $('board-error').hidden = false;
}

function renderCrumbs() {
  const crumbs = $('crumbs');
  crumbs.replaceChildren();
  state.trail.forEach((unit, index) => {
    if (index) crumbs.append(el('span', { class: 'sep', text: '›' }));
    crumbs.append(el('button', {
      type: 'button',
      'data-unit': unit.code,
      text: unit.name,
      onclick: () => {
        state.trail = state.trail.slice(0, index + 1);
        loadBoard().catch(boardError);
      },
    }));
  });
}

function formatted(value, format) {
  if (value === null || value === undefined) return '—';
  if (format === 'percent') return (value * 100).toFixed(1) + '%';
  if (format === 'days') return Number(value).toFixed(1) + ' 个工作日';
  return String(value);
}

function renderTiles(figures) {
  const tiles = $('tiles');
  tiles.replaceChildren();
  for (const figure of figures) {
    const tile = el('button', {
      type: 'button',
      class: 'tile' + (figure.key === 'red' ? ' red' : figure.key === 'yellow' ? ' yellow' : ''),
      'data-figure': figure.key,
      title: figure.definition,
      onclick: () => showCases(figure.cases, figure.label).catch(boardError),
    },
    el('span', { class: 'label', text: figure.label }),
    el('span', { class: 'value', text: formatted(figure.value, figure.format) }),
    el('span', { class: 'definition', text: figure.definition }));
    tiles.append(tile);
  }
}

const charts = {};

/** Draws a chart; {@code casesOf(index)} gives the case list behind a bar or slice, if any. */
function chart(id, option, casesOf) {
  if (!window.echarts) return; // the figures stand in the tiles and lists without the charts
  charts[id] = charts[id] || window.echarts.init($(id), 'dark', { renderer: 'svg' });
  charts[id].setOption(Object.assign({ backgroundColor: 'transparent', textStyle: { fontSize: 14 } }, option), true);
  charts[id].off('click');
  if (casesOf) {
    charts[id].on('click', (clicked) => {
      const [path, title] = casesOf(clicked.dataIndex);
      showCases(path, title).catch(boardError);
    });
  }
}

function bars(id, items, label, value, casesOf) {
  chart(id, {
    grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
    tooltip: {},
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: items.map(label) },
    series: [{ type: 'bar', data: items.map(value), cursor: casesOf ? 'pointer' : 'default' }],
  }, casesOf);
}

function renderCharts(figures) {
  const period = { from: figures.from, to: figures.to };
  const casesWith = (filter, title) => ['/api/cockpit/cases?' + query(Object.assign({}, period, filter)), title];
  const categories = figures.byCategory || [];
  const paths = figures.paths || [];
  bars('chart-channel', figures.byChannel || [], (i) => i.label, (i) => i.count);
  bars('chart-category', categories, (i) => i.label, (i) => i.count,
    (index) => casesWith({ category: categories[index].key }, '诉求类别“' + categories[index].label + '”的案件'));
  chart('chart-paths', {
    tooltip: { formatter: (p) => p.name + '：' + p.value + ' 件（' + p.percent + '%）' },
    series: [{ type: 'pie', radius: ['35%', '65%'], data: paths.map((p) => ({ name: p.label, value: p.count })) }],
  }, (index) => casesWith({ path: paths[index].key }, '办理方式“' + paths[index].label + '”的案件'));
  bars('chart-returns', figures.returnReasons || [], (i) => i.reason, (i) => i.count);
  bars('chart-supervision', figures.supervision || [], (i) => i.label, (i) => i.count);
}

function renderDeliberation(items) {
  const list = $('deliberation');
  list.replaceChildren();
  for (const item of items) {
    list.append(el('dt', { title: item.definition || '', text: item.label }));
    list.append(el('dd', { 'data-figure': item.key, text: formatted(item.value, item.format) }));
  }
}

/** 群众点单: the service orders of the unit and period; a department has none (the panel stays hidden). */
async function loadOrders(kind) {
  const panel = $('orders-panel');
  if (kind === 'DEPARTMENT') {
    panel.hidden = true;
    return;
  }
  let view;
  try {
    view = await api('/api/cockpit/orders?' + query());
  } catch (e) {
    // the orders' figures failing leave the rest of the board standing: the panel says so
    panel.hidden = e instanceof Refused && e.status === 403;
    $('order-figures').replaceChildren(el('dt', { text: '无法读取群众点单指标' }), el('dd', { text: e.message }));
    for (const id of ['order-definitions', 'order-status', 'order-category']) $(id).replaceChildren();
    $('order-villages').tBodies[0].replaceChildren();
    ['chart-order-status', 'chart-order-category'].forEach((id) => charts[id] && charts[id].clear());
    return;
  }
  $('order-list-panel').hidden = true;
  const f = view.figures;
  const hours = (value) => (value === null || value === undefined ? '—' : Number(value).toFixed(1) + ' 小时');
  const figures = [
    ['placed', '本期点单', String(f.placed)],
    ['acceptanceMedian', '接单时长（中位数）', hours(f.acceptance.medianHours)],
    ['acceptanceAverage', '接单时长（平均）', hours(f.acceptance.averageHours)],
    ...f.satisfaction.shares.map((s) => ['satisfaction-' + s.key, s.label + '占比', formatted(s.share, 'percent') + '（' + s.count + ' 单）']),
    ['unevaluated', '超时未评价', f.satisfaction.unevaluated + ' 单'],
    ['activeMembers', '活跃党员', f.service.activeMembers + ' 人'],
    ['hours', '服务时长', hours(f.service.hours)],
  ];
  const period = { from: view.from, to: view.to };
  const ordersWith = (filter, title) => () =>
    showOrders('/api/cockpit/orders/list?' + query(Object.assign({}, period, filter)), title).catch(boardError);
  const list = $('order-figures');
  list.replaceChildren();
  for (const [key, label, value] of figures) {
    const shown = key === 'placed'
      ? el('button', { type: 'button', text: value, onclick: ordersWith({}, '本期点单') })
      : value;
    list.append(el('dt', { text: label }), el('dd', { 'data-order-figure': key }, shown));
  }
  $('order-definitions').replaceChildren(
    ...[f.byStatusDefinition, f.byCategoryDefinition, f.acceptance.definition, f.satisfaction.definition, f.service.definition]
      .map((text) => el('li', { text })));
  for (const [id, items, name] of [['order-status', f.byStatus, 'status'], ['order-category', f.byCategory, 'category']]) {
    $(id).replaceChildren(...items.flatMap((i) => [el('dt', { text: i.label }), el('dd', { 'data-order-count': i.key },
      el('button', { type: 'button', text: String(i.count), onclick: ordersWith({ [name]: i.key }, '本期点单 · ' + i.label) }))]));
  }
  bars('chart-order-status', f.byStatus, (i) => i.label, (i) => i.count);
  bars('chart-order-category', f.byCategory, (i) => i.label, (i) => i.count);
  const body = $('order-villages').tBodies[0];
  body.replaceChildren(...f.service.villages.map((v) => el('tr', { 'data-village': v.code },
    el('td', { text: v.name }),
    el('td', { class: 'n', text: String(v.orders) }),
    el('td', { class: 'n', text: String(v.activeMembers) }),
    el('td', { class: 'n', text: Number(v.hours).toFixed(1) }))));
  panel.hidden = false;
}

/** The orders behind a service-order count, newest first, a page at a time. */
async function showOrders(path, title) {
  state.ordersQuery = path;
  $('order-list-title').textContent = title;
  await loadOrderList(false);
}

async function loadOrderList(more) {
  const url = new URL(state.ordersQuery, window.location.origin);
  if (more && state.ordersNext) url.searchParams.set('before', state.ordersNext);
  const page = await api(url.pathname + url.search);
  const body = $('order-list').tBodies[0];
  if (!more) body.replaceChildren();
  for (const item of page.items) {
    body.append(el('tr', { 'data-order': item.orderNo },
      el('td', { text: item.orderNo }),
      el('td', { text: item.villageName }),
      el('td', { text: item.categoryLabel }),
      el('td', { text: item.statusLabel }),
      el('td', { text: when(item.createdAt) })));
  }
  if (!more && !page.items.length) body.append(el('tr', {}, el('td', { colspan: '5', text: '没有符合条件的点单。' })));
  state.ordersNext = page.hasMore ? page.next : null;
  $('more-orders').hidden = !page.hasMore;
  $('order-list-panel').hidden = false;
}

async function loadRankings() {
  const body = $('rankings').tBodies[0];
  document.querySelectorAll('[data-by]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.by === state.by)));
  try {
    const rankings = await api('/api/cockpit/rankings?' + query({ by: state.by }));
    $('ranking-label').textContent = rankings.label;
    $('ranking-label').title = rankings.definition || '';
    body.replaceChildren();
    const format = rankings.format || (state.by === 'red' ? 'count' : 'percent');
    for (const item of rankings.items) {
      body.append(el('tr', {},
        el('td', { text: String(item.rank ?? '—') }),
        el('td', {}, el('button', {
          type: 'button',
          'data-unit': item.unit.code,
          text: item.unit.name,
          onclick: () => drillInto(item.unit).catch(boardError),
        })),
        el('td', { text: formatted(item.value, format) })));
    }
    if (!rankings.items.length) body.append(el('tr', {}, el('td', { colspan: '3', text: '本单位没有下级单位；请查看下方案件列表。' })));
    $('rankings-panel').hidden = false;
  } catch (e) {
    body.replaceChildren(el('tr', {}, el('td', { colspan: '3', text: e.message })));
  }
}

async function drillInto(unit) {
  state.trail.push({ code: unit.code, name: unit.name });
  await loadBoard();
}

async function loadDiagram() {
  const body = $('diagram').tBodies[0];
  let diagram;
  const process = state.process;
  // a topic is not a case: deliberation nodes show their counts, the case list is the appeal's
  const casesAt = process !== 'appeal' ? null : (node) => () => showCases(
    '/api/cockpit/diagram/appeal/nodes/' + encodeURIComponent(node.activityId) + '/cases?' + query(),
    '节点“' + (node.name || node.activityId) + '”的在办案件').catch(boardError);
  $('diagram-hint').textContent = casesAt
    ? '各节点当前在办件数，按红黄绿灯分列；点击节点查看案件。'
    : '各节点当前在办议题数，按红黄绿灯分列。';
  try {
    diagram = await api('/api/cockpit/diagram/' + process + '?' + query());
    body.replaceChildren();
    for (const node of diagram.nodes) {
      const name = node.name || node.activityId;
      body.append(el('tr', { 'data-node': node.activityId },
        el('td', {}, casesAt ? el('button', { type: 'button', text: name, onclick: casesAt(node) }) : name),
        el('td', { class: 'n green', text: String(node.green) }),
        el('td', { class: 'n yellow', text: String(node.yellow) }),
        el('td', { class: 'n red', text: String(node.red) })));
    }
  } catch (e) {
    body.replaceChildren(el('tr', {}, el('td', { colspan: '4', text: e.message })));
    return;
  }
  try {
    await drawDiagram(diagram, casesAt);
  } catch (e) {
    // the table above still tells the counts; the drawing is the picture of it
    console.error('流程图未能绘制', e);
  }
}

/*
 * The model itself (bpmn-js's viewer from Maven Central), each node with open cases outlined in its worst
 * light and badged with its counts as colour, shape and word; a click on a node lists its cases. The table
 * above says the same in text, for screen readers and for a browser without the viewer.
 */
const LIGHTS = [['red', '超期', '◆'], ['yellow', '临期', '■'], ['green', '正常', '●']];
let viewer = null;
let drawnXml = null;

/** Fits the model into its box, once the box has a size (not while the board is hidden). */
function fitDiagram() {
  if (!viewer || !drawnXml || $('diagram-canvas').clientWidth === 0) return;
  // the canvas keeps the size it had when drawn (none, while hidden) until told it changed
  viewer.get('canvas').resized();
  viewer.get('canvas').zoom('fit-viewport');
}

async function drawDiagram(diagram, casesAt) {
  if (!window.BpmnJS) return;
  const canvasElement = $('diagram-canvas');
  if (!viewer) {
    viewer = new window.BpmnJS({ container: canvasElement });
    viewer.get('eventBus').on('element.click', (event) => {
      const node = (viewer.lianxinNodes || {})[event.element.id];
      if (node && viewer.lianxinCasesAt) viewer.lianxinCasesAt(node)();
    });
  }
  if (drawnXml !== diagram.xml) {
    await viewer.importXML(diagram.xml);
    drawnXml = diagram.xml;
    fitDiagram();
  }
  viewer.lianxinCasesAt = casesAt;
  const overlays = viewer.get('overlays');
  const canvas = viewer.get('canvas');
  overlays.remove({ type: 'lianxin-lights' });
  viewer.lianxinNodes = {};
  const drawn = viewer.get('elementRegistry');
  for (const node of diagram.nodes) {
    if (!drawn.get(node.activityId)) continue;
    viewer.lianxinNodes[node.activityId] = node;
    LIGHTS.forEach(([light]) => canvas.removeMarker(node.activityId, 'lx-' + light));
    const shown = LIGHTS.filter(([light]) => node[light] > 0);
    if (shown.length === 0) continue;
    canvas.addMarker(node.activityId, 'lx-' + shown[0][0]);
    const badge = el('div', { class: 'lx-badge', 'data-node': node.activityId,
      title: (node.name || node.activityId) + '：' + shown.map(([l, word]) => word + ' ' + node[l] + ' 件').join('，') });
    shown.forEach(([light, word, shape]) =>
      badge.append(el('span', { class: 'lx-count ' + light, text: shape + ' ' + word + ' ' + node[light] })));
    overlays.add(node.activityId, 'lianxin-lights', { position: { bottom: 4, left: 0 }, html: badge });
  }
}

/** The cases behind a figure, a node or a unit; the filters narrow the figure's own query. */
async function showCases(path, title, scroll = true) {
  $('cases-panel').setAttribute('aria-busy', 'true');
  state.casesQuery = path;
  $('filters').reset();
  $('cases-title').textContent = title;
  await loadCases(false, scroll);
}

function filteredQuery() {
  const url = new URL(state.casesQuery, window.location.origin);
  for (const [name, value] of new FormData($('filters'))) {
    if (value) url.searchParams.set(name, value);
  }
  return url;
}

async function loadCases(more, scroll = true) {
  $('cases-panel').setAttribute('aria-busy', 'true');
  const url = filteredQuery();
  if (more && state.casesNext) url.searchParams.set('before', state.casesNext);
  const page = await api(url.pathname + url.search);
  const body = $('cases').tBodies[0];
  if (!more) body.replaceChildren();
  for (const item of page.items) {
    body.append(el('tr', { 'data-case': item.trackingNo },
      el('td', {}, el('button', {
        type: 'button',
        text: item.trackingNo,
        onclick: () => showTimeline(item.trackingNo).catch(boardError),
      })),
      el('td', { text: item.categoryLabel || '' }),
      el('td', { text: item.villageName || '' }),
      el('td', { text: item.pathLabel || '' }),
      el('td', { text: item.statusLabel || '' }),
      el('td', { class: (item.light || '').toLowerCase(), text: item.lightLabel || '' }),
      el('td', { text: when(item.createdAt) })));
  }
  if (!more && !page.items.length) body.append(el('tr', {}, el('td', { colspan: '7', text: '没有符合条件的案件。' })));
  state.casesNext = page.hasMore ? page.next : null;
  $('more-cases').hidden = !page.hasMore;
  $('cases-panel').hidden = false;
  $('cases-panel').setAttribute('aria-busy', 'false');
  $('timeline-panel').hidden = true;
  if (scroll && !more) $('cases-panel').scrollIntoView({ block: 'start' });
}

function when(instant) {
  if (!instant) return '';
  return new Date(instant).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

async function showTimeline(trackingNo) {
  const detail = await api('/api/cases/' + encodeURIComponent(trackingNo));
  const summary = detail.summary || {};
  $('timeline-title').textContent = '案件经过 · ' + trackingNo;
  const facts = $('timeline-facts');
  facts.replaceChildren();
  const rows = [
    ['类别', summary.categoryLabel], ['村（社区）', summary.village], ['办理方式', summary.pathLabel],
    ['状态', summary.statusLabel], ['群众', summary.citizen], ['诉求', detail.description],
    ['受理时间', when(summary.submittedAt)], ['办结时间', when(summary.closedAt)],
  ];
  for (const [label, value] of rows) {
    if (value) facts.append(el('dt', { text: label }), el('dd', { text: value }));
  }
  for (const step of detail.openSteps || []) {
    facts.append(el('dt', { text: '当前环节' }), el('dd', { text: step.name + (step.due ? '（期限 ' + when(step.due) + '）' : '') }));
  }
  const list = $('timeline');
  list.replaceChildren();
  for (const entry of detail.log || []) {
    list.append(el('li', {}, el('time', { text: when(entry.loggedAt) }), document.createTextNode((entry.actor ? entry.actor + '：' : '') + entry.entry)));
  }
  $('timeline-panel').hidden = false;
  $('timeline-panel').scrollIntoView({ block: 'start' });
}

// ---- 未诉先办: hotspots ----

async function loadHotspots() {
  const unit = state.trail.length ? state.trail[state.trail.length - 1].code : null;
  const view = await api('/api/cockpit/hotspots' + (unit ? '?unit=' + encodeURIComponent(unit) : ''));
  $('hotspots-hint').textContent = '近 ' + view.days + ' 天内，同一村（社区）同一地点的同类诉求达 ' + view.min
    + ' 件及以上。点击件数查看案件。';
  const body = $('hotspots').tBodies[0];
  body.replaceChildren();
  $('instruct-form').hidden = true;
  $('hotspots-status').textContent = '';
  for (const item of view.items) {
    const row = el('tr', { 'data-hotspot': item.placeKey },
      el('td', { text: item.villageName }),
      el('td', { class: 'place', text: item.place }),
      el('td', { text: item.categoryLabel }),
      el('td', { class: 'n' }, el('button', {
        type: 'button',
        'aria-expanded': 'false',
        'aria-label': item.place + ' ' + item.categoryLabel + ' 共 ' + item.count + ' 件，查看案件',
        text: item.count + ' 件',
        onclick: (event) => toggleHotspotCases(row, item, event.currentTarget),
      })),
      el('td', { class: 'n' + (item.red ? ' red' : ''), text: item.open + (item.red ? '（超期 ' + item.red + '）' : '') }),
      el('td', { text: when(item.last) }),
      el('td', {}, ...hotspotActions(view, item)));
    body.append(row);
  }
  if (!view.items.length) body.append(el('tr', {}, el('td', { colspan: '7', text: '本单位近期没有反复出现的同类诉求。' })));
}

function hotspotActions(view, item) {
  const done = [];
  for (const instruction of item.instructions) {
    done.push(el('div', { class: 'done', text: '已批示（' + instruction.byName + '，' + when(instruction.at) + '）：' + instruction.text }));
  }
  for (const no of item.topics) done.push(el('div', { class: 'done', text: '已发起协商议题 ' + no }));
  if (view.mayInstruct) {
    done.push(el('button', { type: 'button', 'data-action': 'instruct', text: '批示', onclick: () => openInstruction(item) }));
  }
  if (item.mayRaiseTopic && !item.topics.length) {
    done.push(el('button', {
      type: 'button',
      'data-action': 'topic',
      text: '发起协商议题',
      onclick: (event) => raiseTopic(item, event.currentTarget).catch(boardError),
    }));
  }
  return done;
}

function toggleHotspotCases(row, item, button) {
  const open = row.nextElementSibling && row.nextElementSibling.classList.contains('cases');
  if (open) {
    row.nextElementSibling.remove();
    button.setAttribute('aria-expanded', 'false');
    return;
  }
  const cases = item.trackingNos.map((no) => el('button', {
    type: 'button',
    text: no,
    onclick: () => showTimeline(no).catch(boardError),
  }));
  const more = item.count > item.trackingNos.length ? [document.createTextNode('（列出最近 ' + item.trackingNos.length + ' 件）')] : [];
  row.after(el('tr', { class: 'cases' }, el('td', { colspan: '7' }, ...cases, ...more)));
  button.setAttribute('aria-expanded', 'true');
}

let instructing = null;

function openInstruction(item) {
  instructing = item;
  $('instruct-title').textContent = '批示：' + item.villageName + '「' + item.place + '」' + item.categoryLabel + '问题（' + item.count + ' 件）';
  $('instruct-text').value = '';
  $('instruct-error').hidden = true;
  $('instruct-form').hidden = false;
  $('instruct-text').focus();
}

async function sendInstruction(event) {
  event.preventDefault();
  const text = $('instruct-text').value.trim();
  if (!text) {
    $('instruct-error').textContent = '请填写批示内容。';
    $('instruct-error').hidden = false;
    $('instruct-text').focus();
    return;
  }
  try {
    await post('/api/cockpit/hotspots/instructions', {
      village: instructing.villageCode, category: instructing.category, placeKey: instructing.placeKey, text,
    });
  } catch (e) {
    $('instruct-error').textContent = e.message;
    $('instruct-error').hidden = false;
    return;
  }
  await loadHotspots();
  $('hotspots-status').textContent = '批示已记入 ' + instructing.count + ' 件案件的办理记录，并已通知' + instructing.villageName + '站长和所在镇便民服务中心。';
}

async function raiseTopic(item, button) {
  if (!window.confirm('以这 ' + item.count + ' 件诉求发起协商议题「关于' + item.place + item.categoryLabel + '问题的协商」？')) return;
  button.disabled = true;
  try {
    const raised = await post('/api/cockpit/hotspots/topics', {
      village: item.villageCode, category: item.category, placeKey: item.placeKey,
    });
    await loadHotspots();
    $('hotspots-status').textContent = '已发起协商议题 ' + raised.deliberationNo + '，相关 ' + item.count + ' 件诉求已关联。';
  } finally {
    button.disabled = false;
  }
}

/** Beijing's today, as an ISO date. */
function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

function shifted(iso, days) {
  const date = new Date(iso + 'T00:00:00Z');
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function choosePeriod(period) {
  state.period = period;
  document.querySelectorAll('[data-period]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.period === period)));
  $('custom-period').hidden = period !== 'custom';
  if (period === 'custom') return;
  const day = today();
  if (period === 'day') [state.from, state.to] = [day, day];
  if (period === 'week') {
    const monday = shifted(day, -((new Date(day + 'T00:00:00Z').getUTCDay() + 6) % 7));
    [state.from, state.to] = [monday, shifted(monday, 6)];
  }
  if (period === 'month') [state.from, state.to] = [null, null];
  loadBoard().catch(boardError);
}

function applyCustomPeriod() {
  const from = $('from').value;
  const to = $('to').value;
  if (!from || !to) return boardError(new Error('请选择起止日期'));
  if (from > to) return boardError(new Error('开始日期不能晚于结束日期'));
  [state.from, state.to] = [from, to];
  loadBoard().catch(boardError);
}

// 月度报告: a month of the unit on the trail downloaded as Excel or PDF, and the reports filed on the 1st

/** Beijing's last month, as yyyy-MM (the report most often wanted). */
function lastMonth() {
  const [year, month] = today().split('-').map(Number);
  return month === 1 ? (year - 1) + '-12' : year + '-' + String(month - 1).padStart(2, '0');
}

function reportError(message) {
  $('report-error').textContent = message;
  $('report-error').hidden = !message;
}

/** Fetches a file of the API with the session and its token, and hands it to the browser as a download. */
async function download(path) {
  const response = await fetch(path, { headers: { 'X-XSRF-TOKEN': session.token || '' }, credentials: 'same-origin' });
  if (!response.ok) {
    let detail = '下载失败（' + response.status + '）';
    try {
      const problem = await response.json();
      detail = (problem.errors && problem.errors.length ? problem.errors.map((e) => e.message).join('；') : null)
        || problem.detail || problem.title || detail;
    } catch (e) {
      // no problem details: keep the status
    }
    throw new Refused(response.status, detail);
  }
  const disposition = response.headers.get('Content-Disposition') || '';
  const named = /filename\*=UTF-8''([^;]+)/.exec(disposition);
  const link = el('a', { href: URL.createObjectURL(await response.blob()), download: named ? decodeURIComponent(named[1]) : '月度报告' });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60000);
}

async function downloadReport(format) {
  reportError('');
  const month = $('report-month').value;
  if (!/^\d{4}-\d{2}$/.test(month)) return reportError('请选择月份');
  const unit = state.trail.length ? state.trail[state.trail.length - 1].code : '';
  const params = new URLSearchParams({ month, format });
  if (unit) params.set('unit', unit);
  await download('/api/cockpit/reports/monthly?' + params);
}

async function loadFiledReports(more) {
  const body = $('filed-reports').tBodies[0];
  state.reportsPage = more ? state.reportsPage + 1 : 0;
  if (!more) body.replaceChildren();
  const page = await api('/api/cockpit/reports?size=20&page=' + state.reportsPage);
  for (const report of page.items) {
    body.append(el('tr', {},
      el('td', { text: report.month }),
      el('td', { text: report.unit.name }),
      el('td', {}, el('button', { type: 'button', text: report.formatLabel + ' · ' + report.fileName, onclick: () => download(report.href).catch((e) => reportError(e.message)) })),
      el('td', { text: when(report.createdAt) })));
  }
  if (!body.children.length) body.append(el('tr', {}, el('td', { colspan: '4', text: '暂无已归档的报告（只归档全县和各镇的报告）。' })));
  $('more-reports').hidden = !page.hasMore;
}

function prepareReports() {
  $('report-month').max = today().slice(0, 7);
  if (!$('report-month').value) $('report-month').value = lastMonth();
  $('report-unit').textContent = state.trail.length ? state.trail[state.trail.length - 1].name : '所选单位';
}

$('sign-in-form').addEventListener('submit', (event) => signIn(event).catch((e) => signInError(e.message)));
$('sign-out').addEventListener('click', () => signOut().catch(boardError));
document.querySelectorAll('[data-period]').forEach((b) => b.addEventListener('click', () => choosePeriod(b.dataset.period)));
$('apply-period').addEventListener('click', applyCustomPeriod);
document.querySelectorAll('[data-by]').forEach((b) => b.addEventListener('click', () => {
  state.by = b.dataset.by;
  loadRankings();
}));
$('filters').addEventListener('submit', (event) => {
  event.preventDefault();
  loadCases(false).catch(boardError);
});
$('more-cases').addEventListener('click', () => loadCases(true).catch(boardError));
$('more-orders').addEventListener('click', () => loadOrderList(true).catch(boardError));
$('instruct-form').addEventListener('submit', (event) => sendInstruction(event).catch(boardError));
$('instruct-cancel').addEventListener('click', () => { $('instruct-form').hidden = true; });
document.querySelectorAll('[data-report-format]').forEach((b) => b.addEventListener('click', () => downloadReport(b.dataset.reportFormat).catch((e) => reportError(e.message))));
$('more-reports').addEventListener('click', () => loadFiledReports(true).catch((e) => reportError(e.message)));
document.querySelectorAll('[data-process]').forEach((b) => b.addEventListener('click', () => {
  state.process = b.dataset.process;
  document.querySelectorAll('[data-process]')
    .forEach((other) => other.setAttribute('aria-pressed', String(other === b)));
  loadDiagram();
}));
window.addEventListener('resize', () => {
  Object.values(charts).forEach((c) => c.resize());
  fitDiagram();
});
document.querySelectorAll('[data-period]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.period === 'month')));

start().catch((e) => {
  show('sign-in');
  signInError('驾驶舱暂时无法打开：' + e.message);
});
