/*
 * 连心：任务卡片上显示受理编号、类别、村（社区）、办理方式和红黄绿灯（颜色加文字），三件诉求一眼可分。
 *
 * Tasklist renders this once per card; the cards drawn in one go are asked for in one call
 * (GET /api/tasks/cards?ids=…, at most 50 ids a call).
 */
import { call, element, lightBadge } from './tasklist-api.js';

const BATCH = 50;
let waiting = [];
let csrf = '';

function fill(node, card) {
  node.textContent = '';
  const box = element('div', 'lianxin-card lianxin-card-' + (card.light || 'GREEN').toLowerCase());
  box.setAttribute('data-number', card.number || '');
  const head = element('div', 'lianxin-card-head');
  head.append(lightBadge(card.light, card.lightLabel));
  if (card.number) {
    head.append(element('span', 'lianxin-card-number', card.number));
  }
  const facts = [card.categoryLabel, card.villageName, card.pathLabel].filter(Boolean).join(' · ');
  if (facts) {
    head.append(element('span', 'lianxin-card-facts', facts));
  }
  box.append(head);
  if (card.summary) {
    const summary = element('div', 'lianxin-card-summary', card.summary);
    summary.title = card.summary;
    box.append(summary);
  }
  node.append(box);
}

async function flush() {
  const batch = waiting;
  waiting = [];
  for (let start = 0; start < batch.length; start += BATCH) {
    const part = batch.slice(start, start + BATCH);
    const ids = [...new Set(part.map(entry => entry.taskId))];
    try {
      const cards = await call('GET', '/api/tasks/cards?ids=' + ids.map(encodeURIComponent).join(','), undefined, csrf);
      const byTask = {};
      (cards || []).forEach(card => {
        byTask[card.taskId] = card;
      });
      part.forEach(entry => {
        if (byTask[entry.taskId] && entry.node.isConnected !== false) {
          fill(entry.node, byTask[entry.taskId]);
        }
      });
    } catch (e) {
      // the card keeps Tasklist's own text; the task itself still opens
    }
  }
}

export default [
  {
    id: 'lianxin-card',
    pluginPoint: 'tasklist.card',
    priority: 100,
    render: (node, { taskId, api }) => {
      csrf = (api && api.CSRFToken) || csrf;
      node.classList.add('lianxin-card-slot');
      if (waiting.length === 0) {
        setTimeout(flush, 0);
      }
      waiting.push({ node, taskId });
    }
  }
];
