/*
 * 连心：任务详情里的“办理操作”——转办、委派、委派办结、催办、驳回、照片和评论。只显示平台说当前干部此刻能做的操作
 * （GET /api/tasks/{id}/operations）；每项都要写明理由，结果或问题用中文显示在按钮旁，字段的问题显示在字段下。
 * 任务离开自己的列表（转办、委派、驳回……）后，任务列表随即刷新。
 */
import { call, dateTime, element, field, refreshTaskList, statusLine } from './tasklist-api.js';
import { photoSection } from './tasklist-photos.js';

function textArea(rows) {
  const area = element('textarea');
  area.rows = rows || 2;
  return area;
}

/*
 * One operation as a small form: its fields (label above each), its button, its status line. `send`
 * gets the values and calls the platform; what it answers is the Chinese success message.
 */
function operationForm(title, fields, buttonText, send, buttonClass) {
  const form = element('form', 'lianxin-operation');
  form.noValidate = true;
  const legend = element('h4', 'lianxin-operation-title', title);
  form.append(legend);
  const wrappers = {};
  Object.entries(fields).forEach(([name, { label, control, hint }]) => {
    wrappers[name] = field(label, control, hint);
    form.append(wrappers[name]);
  });
  const button = element('button', 'btn ' + (buttonClass || 'btn-default') + ' lianxin-operation-button', buttonText);
  button.type = 'submit';
  const status = statusLine();
  form.append(button, status);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    status.clear();
    Object.values(wrappers).forEach(w => w.showError(null));
    const values = {};
    Object.entries(fields).forEach(([name, { control }]) => {
      values[name] = control.value.trim();
    });
    const missing = Object.entries(fields).filter(([name, f]) => f.required && !values[name]);
    if (missing.length) {
      missing.forEach(([name, f]) => wrappers[name].showError('请填写' + f.label + '。'));
      status.show('请先填写' + missing.map(([, f]) => f.label).join('、') + '。', false);
      fields[missing[0][0]].control.focus();
      return;
    }
    button.disabled = true;
    try {
      status.show(await send(values), true);
    } catch (problem) {
      Object.entries(problem.fields || {}).forEach(([name, message]) => {
        const wrapper = wrappers[name] || wrappers[fieldOf(name)];
        if (wrapper) {
          wrapper.showError(message);
        }
      });
      const details = Object.entries(problem.fields || {})
        .map(([name, message]) => (fields[name] ? fields[name].label + '：' : '') + message)
        .join('；');
      status.show(problem.message + (details ? '（' + details + '）' : ''), false);
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

/* The form field a problem names: toUser and toGroup are one choice here. */
function fieldOf(name) {
  return name === 'toUser' || name === 'toGroup' ? 'target' : name;
}

function select(options, placeholder) {
  const control = element('select');
  control.append(new Option(placeholder, ''));
  options.forEach(([value, text]) => control.append(new Option(text, value)));
  return control;
}

function post(taskId, what, body, csrf) {
  return call('POST', '/api/tasks/' + encodeURIComponent(taskId) + '/' + what, body, csrf);
}

async function transferForm(taskId, csrf, delegate) {
  let targets = { users: [], groups: [] };
  try {
    targets = (await call('GET', '/api/tasks/' + encodeURIComponent(taskId) + '/transfer-targets', undefined, csrf)) || targets;
  } catch (e) {
    // the choice stays empty; the platform names the problem when the form is sent
  }
  const people = (targets.users || []).map(u => ['user:' + u.id, u.name + '（' + u.id + '）']);
  const groups = (targets.groups || []).map(g => ['group:' + g.id, g.name]);
  const target = select(delegate ? people : [...people, ...groups], delegate ? '请选择委派给谁' : '请选择转给谁');
  const reason = textArea();
  return operationForm(
    delegate ? '委派' : '转办',
    {
      target: { label: delegate ? '委派给' : '转办给', control: target, required: true },
      reason: { label: '理由', control: reason, required: true, hint: delegate ? '被委派人办完后交回您确认。' : undefined }
    },
    delegate ? '委派' : '转办',
    async values => {
      const [kind, id] = values.target.split(':');
      const body = delegate ? { toUser: id, reason: values.reason } : { reason: values.reason };
      if (!delegate) {
        body[kind === 'group' ? 'toGroup' : 'toUser'] = id;
      }
      await post(taskId, delegate ? 'delegation' : 'transfer', body, csrf);
      refreshTaskList(true);
      const name = target.options[target.selectedIndex].text;
      return (delegate ? '已委派给 ' : '已转办给 ') + name + '。';
    }
  );
}

function simpleForm(taskId, csrf, what, title, fieldName, label, buttonText, done, leavesList) {
  return operationForm(
    title,
    { [fieldName]: { label, control: textArea(), required: true } },
    buttonText,
    async values => {
      await post(taskId, what, { [fieldName]: values[fieldName] }, csrf);
      if (leavesList) {
        refreshTaskList(true);
      }
      return done;
    },
    what === 'send-back' ? 'btn-warning' : 'btn-default'
  );
}

async function commentsSection(taskId, csrf) {
  const section = element('div', 'lianxin-comments');
  const list = element('ol', 'list-unstyled lianxin-comment-list');
  list.setAttribute('aria-label', '评论');
  async function load() {
    list.textContent = '';
    try {
      const comments = (await call('GET', '/api/tasks/' + encodeURIComponent(taskId) + '/comments', undefined, csrf)) || [];
      if (comments.length === 0) {
        list.append(element('li', 'lianxin-empty', '还没有评论。'));
      }
      comments.forEach(comment => {
        const item = element('li', 'lianxin-comment');
        const meta = element('div', 'lianxin-comment-meta', (comment.name || comment.userId) + ' · ' + dateTime(comment.at));
        item.append(meta, element('div', 'lianxin-comment-text', comment.message));
        list.append(item);
      });
    } catch (problem) {
      list.append(element('li', 'text-danger', problem.message));
    }
  }
  const form = operationForm(
    '评论',
    { message: { label: '评论内容', control: textArea(), required: true, hint: '最多 500 字，本单位能看到此任务的干部都能看到。' } },
    '发表评论',
    async values => {
      await call('POST', '/api/tasks/' + encodeURIComponent(taskId) + '/comments', { message: values.message }, csrf);
      form.querySelector('textarea').value = '';
      await load();
      return '评论已发表。';
    }
  );
  section.append(list, form);
  await load();
  return section;
}

async function show(node, taskId, csrf) {
  let operations;
  try {
    operations = await call('GET', '/api/tasks/' + encodeURIComponent(taskId) + '/operations', undefined, csrf);
  } catch (problem) {
    node.textContent = '';
    node.append(element('p', 'alert alert-warning', problem.message));
    return;
  }
  const allowed = new Set((operations && operations.allowed) || []);
  node.textContent = '';
  const panel = element('section', 'lianxin-operations');
  panel.append(element('h3', 'lianxin-operations-title', '办理操作'));
  if (allowed.size === 0) {
    panel.append(element('p', 'lianxin-empty', '您此刻对这项任务没有可做的其他操作（办理请用“表单”页）。'));
  }
  if (allowed.has('transfer')) {
    panel.append(await transferForm(taskId, csrf, false));
  }
  if (allowed.has('delegate')) {
    panel.append(await transferForm(taskId, csrf, true));
  }
  if (allowed.has('resolve')) {
    panel.append(simpleForm(taskId, csrf, 'resolution', '委派办结', 'note', '办理情况', '交回委派人', '已交回委派人确认。', true));
  }
  if (allowed.has('send-back')) {
    panel.append(
      simpleForm(taskId, csrf, 'send-back', '驳回', 'reason', '驳回理由', '驳回到上一步', '已驳回到上一步，理由已告知上一步的办理人。', true)
    );
  }
  if (allowed.has('urge')) {
    panel.append(simpleForm(taskId, csrf, 'urge', '催办', 'message', '催办内容', '催办', '已催办，办理人会收到提醒。', false));
  }
  if (allowed.has('photo')) {
    panel.append(await photoSection(taskId, csrf));
  }
  if (allowed.has('comment')) {
    panel.append(await commentsSection(taskId, csrf));
  }
  node.append(panel);
}

export default [
  {
    id: 'lianxin-operations',
    pluginPoint: 'tasklist.task.detail',
    priority: 850,
    label: '办理操作',
    render: (node, { taskId, api }) => {
      node.textContent = '';
      node.append(element('p', 'lianxin-loading', '正在读取可做的操作…'));
      show(node, taskId, api && api.CSRFToken);
    }
  }
];
