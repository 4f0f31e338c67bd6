/*
 * 连心：任务列表顶栏的三个按钮——“消息”（未读条数）、“撤回”（刚办完、下一步还没人认领的步骤）、
 * “批量转派”（站长把离岗同事的任务一次转给本村另一人，只对站长显示）。每个按钮打开一个面板，Esc 或“关闭”收起。
 */
import { call, dateTime, element, field, refreshTaskList, statusLine } from './tasklist-api.js';

const POLL_MS = 60000;

/* A navbar button that opens one panel under the header; one panel is open at a time. */
function panelButton(node, text, className, fill) {
  const button = element('button', 'btn btn-link navbar-btn lianxin-nav-button ' + className);
  button.type = 'button';
  button.setAttribute('aria-haspopup', 'dialog');
  button.setAttribute('aria-expanded', 'false');
  const label = element('span', 'lianxin-nav-label', text);
  button.append(label);
  let panel = null;
  function close() {
    if (panel) {
      panel.remove();
      panel = null;
      button.setAttribute('aria-expanded', 'false');
      button.focus();
    }
  }
  button.addEventListener('click', async () => {
    if (panel) {
      close();
      return;
    }
    document.querySelectorAll('.lianxin-nav-panel .lianxin-close').forEach(other => other.click());
    panel = element('div', 'lianxin-nav-panel ' + className + '-panel');
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', text);
    panel.addEventListener('keydown', event => {
      if (event.key === 'Escape') {
        close();
      }
    });
    const head = element('div', 'lianxin-nav-panel-head');
    head.append(element('h3', null, text));
    const closeButton = element('button', 'btn btn-default btn-sm lianxin-close', '关闭');
    closeButton.type = 'button';
    closeButton.addEventListener('click', close);
    head.append(closeButton);
    const body = element('div', 'lianxin-nav-panel-body', '正在读取…');
    panel.append(head, body);
    document.body.append(panel);
    button.setAttribute('aria-expanded', 'true');
    closeButton.focus();
    try {
      await fill(body, close);
    } catch (problem) {
      body.textContent = '';
      body.append(element('p', 'alert alert-danger', problem.message));
    }
  });
  node.append(button);
  return { button, label };
}

/* ---- 消息 (inbox) ---- */

function inbox(node, csrf) {
  const { button } = panelButton(node, '消息', 'lianxin-inbox', body => fillInbox(body, 0));
  const badge = element('span', 'badge lianxin-unread');
  badge.hidden = true;
  button.append(badge);

  async function count() {
    try {
      const { count } = await call('GET', '/api/inbox/unread-count', undefined, csrf);
      badge.textContent = count > 99 ? '99+' : String(count);
      badge.hidden = !count;
      button.setAttribute('aria-label', count ? `消息，${count} 条未读` : '消息，没有未读');
    } catch (e) {
      badge.hidden = true;
    }
  }

  async function fillInbox(body, page) {
    const answer = await call('GET', `/api/inbox?page=${page}&size=20`, undefined, csrf);
    if (page === 0) {
      body.textContent = '';
      const readAll = element('button', 'btn btn-default btn-sm lianxin-read-all', '全部标为已读');
      readAll.type = 'button';
      readAll.addEventListener('click', async () => {
        await call('POST', '/api/inbox/read-all', undefined, csrf);
        body.querySelectorAll('.lianxin-notice.unread').forEach(item => item.classList.remove('unread'));
        body.querySelectorAll('.lianxin-mark-read').forEach(b => b.remove());
        count();
      });
      body.append(readAll, element('ol', 'list-unstyled lianxin-notices'));
    }
    const list = body.querySelector('.lianxin-notices');
    const items = answer.items || [];
    if (page === 0 && items.length === 0) {
      list.append(element('li', 'lianxin-empty', '没有消息。'));
    }
    items.forEach(item => {
      const row = element('li', 'lianxin-notice' + (item.read ? '' : ' unread'));
      const meta = element('div', 'lianxin-notice-meta');
      meta.append(
        element('span', 'label label-default lianxin-notice-kind', item.kindLabel),
        ' ',
        element('span', null, [item.number, item.actorName, dateTime(item.at)].filter(Boolean).join(' · '))
      );
      if (!item.read) {
        meta.prepend(element('span', 'sr-only', '未读：'));
      }
      const text = item.taskId ? element('a', 'lianxin-notice-text', item.text) : element('div', 'lianxin-notice-text', item.text);
      if (item.taskId) {
        text.href = '#/?task=' + encodeURIComponent(item.taskId);
      }
      row.append(meta, text);
      if (!item.read) {
        const mark = element('button', 'btn btn-link btn-xs lianxin-mark-read', '标为已读');
        mark.type = 'button';
        mark.addEventListener('click', async () => {
          await call('POST', '/api/inbox/' + encodeURIComponent(item.id) + '/read', undefined, csrf);
          row.classList.remove('unread');
          mark.remove();
          count();
        });
        row.append(mark);
      }
      list.append(row);
    });
    body.querySelectorAll('.lianxin-more').forEach(more => more.remove());
    if (answer.hasMore) {
      const more = element('button', 'btn btn-default btn-sm lianxin-more', '更多消息');
      more.type = 'button';
      more.addEventListener('click', () => fillInbox(body, page + 1));
      body.append(more);
    }
  }

  count();
  setInterval(count, POLL_MS);
}

/* ---- 撤回 (recall) ---- */

function recall(node, csrf) {
  panelButton(node, '撤回', 'lianxin-recall', async body => {
    const steps = (await call('GET', '/api/tasks/recallable', undefined, csrf)) || [];
    body.textContent = '';
    if (steps.length === 0) {
      body.append(element('p', 'lianxin-empty', '没有可撤回的步骤：只有刚办完、下一步还没有人认领的步骤可以撤回。'));
      return;
    }
    const list = element('ol', 'list-unstyled lianxin-recallables');
    steps.forEach(step => {
      const item = element('li', 'lianxin-recallable');
      item.append(
        element(
          'div',
          'lianxin-recallable-what',
          `${step.number || ''} ${step.taskName}（${dateTime(step.completedAt)} 办完，下一步：${step.nextTaskName || '—'}）`
        )
      );
      const reason = element('textarea');
      reason.rows = 2;
      const reasonField = field('撤回理由', reason);
      const go = element('button', 'btn btn-warning btn-sm lianxin-recall-button', '撤回这一步');
      go.type = 'button';
      const status = statusLine();
      go.addEventListener('click', async () => {
        reasonField.showError(null);
        if (!reason.value.trim()) {
          reasonField.showError('请填写撤回理由。');
          reason.focus();
          return;
        }
        go.disabled = true;
        try {
          await call('POST', '/api/tasks/' + encodeURIComponent(step.taskId) + '/recall', { reason: reason.value.trim() }, csrf);
          status.show('已撤回，“' + step.taskName + '”回到您的任务列表。', true);
          refreshTaskList(false);
        } catch (problem) {
          if (problem.fields.reason) {
            reasonField.showError(problem.fields.reason);
          }
          status.show(problem.message, false);
          go.disabled = false;
        }
      });
      item.append(reasonField, go, status);
      list.append(item);
    });
    body.append(list);
  });
}

/* ---- 批量转派 (a station head's reassignment) ---- */

async function reassignment(node, csrf) {
  try {
    const me = await call('GET', '/api/me', undefined, csrf);
    if (!(me.groups || []).some(group => group.role === 'station-head')) {
      return; // only a station head moves a colleague's tasks: no button for anyone else
    }
  } catch (e) {
    return;
  }
  panelButton(node, '批量转派', 'lianxin-reassign', async body => {
    const fresh = (await call('GET', '/api/tasks/reassignment/people', undefined, csrf)) || { users: [] };
    body.textContent = '';
    const users = fresh.users || [];
    const from = element('select');
    const to = element('select');
    from.append(new Option('请选择离岗的同事', ''));
    to.append(new Option('请选择接手的同事', ''));
    users.forEach(user => {
      from.append(new Option(`${user.name}（${user.id}，在办 ${user.openTasks} 件）`, user.id));
      to.append(new Option(`${user.name}（${user.id}，在办 ${user.openTasks} 件）`, user.id));
    });
    const reason = element('textarea');
    reason.rows = 2;
    const fields = { fromUser: field('转出人', from), toUser: field('接手人', to), reason: field('理由', reason) };
    const go = element('button', 'btn btn-primary lianxin-reassign-button', '全部转派');
    go.type = 'button';
    const status = statusLine();
    go.addEventListener('click', async () => {
      Object.values(fields).forEach(f => f.showError(null));
      const values = { fromUser: from.value, toUser: to.value, reason: reason.value.trim() };
      const missing = Object.keys(values).filter(name => !values[name]);
      if (missing.length) {
        missing.forEach(name => fields[name].showError('必须填写。'));
        status.show('请先选好转出人、接手人并写明理由。', false);
        return;
      }
      go.disabled = true;
      try {
        const answer = await call('POST', '/api/tasks/reassignment', values, csrf);
        status.show(`已把 ${answer.moved} 件任务转派给 ${to.options[to.selectedIndex].text}。`, true);
        refreshTaskList(false);
      } catch (problem) {
        Object.entries(problem.fields).forEach(([name, message]) => fields[name] && fields[name].showError(message));
        status.show(problem.message, false);
      } finally {
        go.disabled = false;
      }
    });
    body.append(fields.fromUser, fields.toUser, fields.reason, go, status);
  });
}

export default [
  {
    id: 'lianxin-inbox',
    pluginPoint: 'tasklist.navbar.action',
    priority: 300,
    render: (node, { api }) => inbox(node, api && api.CSRFToken)
  },
  {
    id: 'lianxin-recall',
    pluginPoint: 'tasklist.navbar.action',
    priority: 200,
    render: (node, { api }) => recall(node, api && api.CSRFToken)
  },
  {
    id: 'lianxin-reassign',
    pluginPoint: 'tasklist.navbar.action',
    priority: 100,
    render: (node, { api }) => reassignment(node, api && api.CSRFToken)
  }
];
