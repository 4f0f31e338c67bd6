/*
 * 连心：任务详情里的“办理记录”——这件诉求（或议题）从受理到现在的每一步：谁、何时（年-月-日 时:分）、做了什么，
 * 红黄绿灯的变化，督办与批示，转办、驳回等操作。
 */
import { call, dateTime, element, lightBadge } from './tasklist-api.js';

function show(node, timeline) {
  node.textContent = '';
  const panel = element('section', 'lianxin-timeline');
  const head = element('div', 'lianxin-timeline-head');
  head.append(element('h3', 'lianxin-timeline-title', '办理记录'));
  if (timeline.number) {
    head.append(element('span', 'lianxin-card-number', timeline.number));
  }
  head.append(lightBadge(timeline.light, timeline.lightLabel));
  panel.append(head);
  const entries = timeline.entries || [];
  if (entries.length === 0) {
    panel.append(element('p', 'lianxin-empty', '暂无办理记录。'));
  } else {
    const table = element('table', 'table table-condensed lianxin-timeline-table');
    const caption = element('caption', 'sr-only', '办理记录，按时间先后排列');
    const thead = element('thead');
    const headRow = element('tr');
    ['时间', '办理人', '事项', '内容'].forEach(text => {
      const th = element('th', null, text);
      th.scope = 'col';
      headRow.append(th);
    });
    thead.append(headRow);
    const body = element('tbody');
    entries.forEach(entry => {
      const row = element('tr', 'lianxin-timeline-entry lianxin-kind-' + String(entry.kind || '').toLowerCase());
      const at = element('td', 'lianxin-timeline-at');
      const time = element('time', null, dateTime(entry.at));
      time.dateTime = entry.at;
      at.append(time);
      row.append(
        at,
        element('td', 'lianxin-timeline-actor', entry.actorName || '系统'),
        element('td', 'lianxin-timeline-kind', entry.kindLabel),
        element('td', 'lianxin-timeline-text', entry.entry)
      );
      body.append(row);
    });
    table.append(caption, thead, body);
    panel.append(table);
  }
  node.append(panel);
}

export default [
  {
    id: 'lianxin-timeline',
    pluginPoint: 'tasklist.task.detail',
    priority: 900,
    label: '办理记录',
    render: (node, { taskId, api }) => {
      node.textContent = '';
      node.append(element('p', 'lianxin-loading', '正在读取办理记录…'));
      call('GET', '/api/tasks/' + encodeURIComponent(taskId) + '/timeline', undefined, api && api.CSRFToken)
        .then(timeline => show(node, timeline))
        .catch(problem => {
          node.textContent = '';
          const alert = element('p', 'alert alert-warning', problem.message);
          alert.setAttribute('role', 'alert');
          node.append(alert);
        });
    }
  }
];
