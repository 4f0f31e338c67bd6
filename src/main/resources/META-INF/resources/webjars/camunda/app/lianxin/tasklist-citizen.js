/*
 * 连心：任务上方的“群众信息”按钮——办理人查看群众的完整姓名、手机号码和身份证号；每次查看都由平台记录（审计）。
 * 不是办理人的干部看到中文说明，看不到号码。
 */
import { call, element, openTaskId } from './tasklist-api.js';

function closePanel(panel, button) {
  panel.remove();
  button.setAttribute('aria-expanded', 'false');
  button.focus();
}

function row(list, term, value) {
  list.append(element('dt', null, term), element('dd', null, value || '（未填写）'));
}

async function reveal(button, holder, csrf) {
  const existing = holder.querySelector('.lianxin-citizen-panel');
  if (existing) {
    closePanel(existing, button);
    return;
  }
  const panel = element('div', 'lianxin-popover lianxin-citizen-panel');
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', '群众信息');
  const close = element('button', 'btn btn-default btn-sm lianxin-close', '关闭');
  close.type = 'button';
  close.addEventListener('click', () => closePanel(panel, button));
  panel.addEventListener('keydown', event => {
    if (event.key === 'Escape') {
      closePanel(panel, button);
    }
  });
  const body = element('div', 'lianxin-popover-body', '正在读取…');
  panel.append(body, close);
  holder.append(panel);
  button.setAttribute('aria-expanded', 'true');
  try {
    const citizen = await call('GET', '/api/tasks/' + encodeURIComponent(openTaskId()) + '/citizen', undefined, csrf);
    body.textContent = '';
    const list = element('dl', 'lianxin-citizen');
    row(list, '受理编号', citizen.trackingNo);
    row(list, '姓名', citizen.name);
    row(list, '手机号码', citizen.phone);
    row(list, '身份证号', citizen.idNumber);
    body.append(list, element('p', 'lianxin-hint', '本次查看已记录在案，仅用于办理本件诉求。'));
  } catch (problem) {
    body.textContent = '';
    const alert = element('p', 'alert alert-danger lianxin-citizen-refused', problem.message);
    alert.setAttribute('role', 'alert');
    body.append(alert);
  }
  close.focus();
}

// another task opened: what was shown of the last one's citizen goes
window.addEventListener('hashchange', () => {
  document.querySelectorAll('.lianxin-citizen-panel').forEach(panel => panel.remove());
  document
    .querySelectorAll('.lianxin-citizen-button[aria-expanded="true"]')
    .forEach(button => button.setAttribute('aria-expanded', 'false'));
});

export default [
  {
    id: 'lianxin-citizen',
    pluginPoint: 'tasklist.task.action',
    priority: 50,
    render: (node, { api }) => {
      const holder = element('span', 'lianxin-action');
      const button = element('button', 'btn btn-default btn-sm lianxin-citizen-button', '群众信息');
      button.type = 'button';
      button.setAttribute('aria-haspopup', 'dialog');
      button.setAttribute('aria-expanded', 'false');
      button.addEventListener('click', () => reveal(button, holder, api && api.CSRFToken));
      holder.append(button);
      node.append(holder);
    }
  }
];
