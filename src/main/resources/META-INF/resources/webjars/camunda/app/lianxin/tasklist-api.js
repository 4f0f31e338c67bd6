/*
 * 连心：任务列表插件共用的部分——以当前登录的干部身份调用平台 /api，显示中文的时间、灯和错误。
 *
 * What every Tasklist plugin of ours shares: calls to the platform's /api as the cadre signed in to
 * the webapps (same origin, the session cookie plus the session's CSRF token in X-XSRF-TOKEN, see
 * system/WebappSessionSignIn), dates as 年-月-日 时:分 in China's time, lights as a colour and a
 * word, RFC 9457 problems as their Chinese detail, and the refresh of Tasklist's own list.
 */

/* The webapps' CSRF token, read when the call is made (the page may have signed in again since). */
function csrfToken(fallback) {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : fallback || '';
}

/** A refused or failed call: `message` is the Chinese detail, `fields` maps a field to what is wrong. */
export class ApiProblem extends Error {
  constructor(status, message, fields) {
    super(message);
    this.status = status;
    this.fields = fields || {};
  }
}

const STATUS_TEXTS = {
  401: '登录已过期，请重新登录。',
  403: '您无权执行此操作。',
  404: '未找到该任务，它可能已被办理或转走。',
  409: '任务已有变化，请刷新后再试。',
  429: '操作过于频繁，请稍后再试。'
};

/* Where the platform is served: the path in front of /camunda/ (empty at the server's root). */
const BASE = window.location.pathname.split('/camunda/')[0];

/** Calls /api as the signed-in cadre; answers the JSON (or null), throws an ApiProblem in Chinese. */
export async function call(method, path, body, csrf) {
  const headers = { Accept: 'application/json, application/problem+json', 'X-XSRF-TOKEN': csrfToken(csrf) };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(BASE + path, {
      method,
      credentials: 'same-origin',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body)
    });
  } catch (e) {
    throw new ApiProblem(0, '无法连接平台，请检查网络后重试。');
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = null;
  }
  if (!response.ok) {
    const fields = {};
    ((json && json.errors) || []).forEach(error => {
      fields[error.field] = error.message;
    });
    const message =
      (json && (json.detail || json.title)) || STATUS_TEXTS[response.status] || `操作未成功（${response.status}）。`;
    throw new ApiProblem(response.status, message, fields);
  }
  return json;
}

/** Reads a refused answer as an ApiProblem (its Chinese detail, its fields). */
async function problemOf(response) {
  let json = null;
  try {
    json = JSON.parse(await response.text());
  } catch (e) {
    json = null;
  }
  const fields = {};
  ((json && json.errors) || []).forEach(error => {
    fields[error.field] = error.message;
  });
  const message =
    (json && (json.detail || json.title)) || STATUS_TEXTS[response.status] || `操作未成功（${response.status}）。`;
  return new ApiProblem(response.status, message, fields);
}

/** Sends a form with files (multipart) to /api as the signed-in cadre; answers the JSON. */
export async function upload(path, formData, csrf) {
  let response;
  try {
    response = await fetch(BASE + path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json, application/problem+json', 'X-XSRF-TOKEN': csrfToken(csrf) },
      body: formData
    });
  } catch (e) {
    throw new ApiProblem(0, '无法连接平台，请检查网络后重试。');
  }
  if (!response.ok) {
    throw await problemOf(response);
  }
  return response.json();
}

/*
 * An image of /api as a data: address — the webapps' own CSP allows images from 'self' and data: only,
 * and an <img src> could not send the session's CSRF token that /api asks of the plugins.
 */
export async function imageData(path, csrf) {
  const response = await fetch(BASE + path, {
    credentials: 'same-origin',
    headers: { Accept: 'image/jpeg', 'X-XSRF-TOKEN': csrfToken(csrf) }
  });
  if (!response.ok) {
    throw await problemOf(response);
  }
  const blob = await response.blob();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(new ApiProblem(0, '照片未能读取。'));
    reader.readAsDataURL(blob);
  });
}

const PARTS = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23'
});

/** 年-月-日 时:分 in China's time, e.g. 2026-12-05 09:30. */
export function dateTime(value) {
  if (!value) {
    return '';
  }
  const parts = {};
  PARTS.formatToParts(new Date(value)).forEach(part => {
    parts[part.type] = part.value;
  });
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

const LIGHT_WORDS = { GREEN: '正常', YELLOW: '临期', RED: '超期' };

/** A light as a coloured mark and its word (never the colour alone). */
export function lightBadge(light, label) {
  const badge = element('span', 'lianxin-light lianxin-light-' + (light || 'GREEN').toLowerCase());
  const mark = element('span', 'lianxin-light-mark');
  mark.setAttribute('aria-hidden', 'true');
  badge.append(mark, label || LIGHT_WORDS[light] || '正常');
  return badge;
}

/** A new element with these classes and, if given, this text. */
export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined && text !== null) {
    node.textContent = text;
  }
  return node;
}

/** A labelled field (label above it), keyboard-usable, with room for its error beside it. */
export function field(labelText, control, hint) {
  const id = 'lianxin-field-' + Math.random().toString(36).slice(2);
  const wrapper = element('div', 'lianxin-field form-group');
  const label = element('label', 'control-label', labelText);
  label.htmlFor = id;
  control.id = id;
  control.classList.add('form-control');
  wrapper.append(label);
  if (hint) {
    const help = element('p', 'help-block lianxin-hint', hint);
    help.id = id + '-hint';
    control.setAttribute('aria-describedby', help.id);
    wrapper.append(help);
  }
  const error = element('p', 'lianxin-field-error text-danger');
  error.id = id + '-error';
  error.hidden = true;
  wrapper.append(control, error);
  wrapper.showError = message => {
    error.textContent = message || '';
    error.hidden = !message;
    wrapper.classList.toggle('has-error', !!message);
    control.setAttribute('aria-invalid', message ? 'true' : 'false');
  };
  return wrapper;
}

/** A status line that screen readers read out: a Chinese result or problem. */
export function statusLine() {
  const line = element('div', 'lianxin-status');
  line.setAttribute('role', 'status');
  line.setAttribute('aria-live', 'polite');
  line.hidden = true;
  line.show = (text, ok) => {
    line.textContent = text;
    line.className = 'lianxin-status alert ' + (ok ? 'alert-success' : 'alert-danger');
    line.hidden = false;
  };
  line.clear = () => {
    line.hidden = true;
    line.textContent = '';
  };
  return line;
}

/** The id of the task open on the page (Tasklist keeps it in the address: #/?task=…). */
export function openTaskId() {
  const query = window.location.hash.split('?')[1] || '';
  return new URLSearchParams(query).get('task');
}

/*
 * Tasklist's list is reloaded, and the open task closed when it is no longer the cadre's: the list's
 * own data (Camunda's tasklistData on the cam-tasks element) is told it changed; without Angular's
 * handle the page is reloaded.
 */
export function refreshTaskList(closeTask) {
  if (closeTask) {
    const [path, query] = window.location.hash.split('?');
    const search = new URLSearchParams(query || '');
    search.delete('task');
    search.delete('detailsTab');
    const rest = search.toString();
    window.location.hash = (path || '#/') + (rest ? '?' + rest : '');
  }
  const list = document.querySelector('[cam-tasks]');
  const angular = window.angular;
  const scope = list && angular && angular.element(list).isolateScope();
  if (scope && scope.tasklistData) {
    scope.$applyAsync(() => scope.tasklistData.changed('taskList'));
  } else {
    window.location.reload();
  }
}
