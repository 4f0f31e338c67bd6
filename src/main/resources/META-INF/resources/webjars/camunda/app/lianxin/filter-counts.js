/*
 * 连心：任务列表左侧每个过滤器旁显示其任务数（我的待办、临期、超期、本单位全部）。
 *
 * Tasklist shows the count of the filter in focus only, so a cadre looking at 我的待办 cannot see
 * that three tasks are 超期. This script counts every filter of the list with Tasklist's own REST
 * API (GET filter/{id}/count, as the signed-in user, so the engine's authorizations apply) and shows
 * the number beside each name, in the filter's colour. It counts again whenever Tasklist's own
 * counter or the filter list changes (a task claimed or completed, a filter refreshed) and every minute.
 */
const ENGINE_API = window.location.pathname.split('/camunda/')[0] + '/camunda/api/engine/engine/default/';
const EVERY_MINUTE = 60 * 1000;

function getJson(path) {
  return fetch(ENGINE_API + path, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(
    response => (response.ok ? response.json() : Promise.reject(response.status))
  );
}

/* The filter's name as the list shows it: the link's own text, without Tasklist's counter. */
function shownName(item) {
  const link = item.querySelector('h4.name a');
  return link ? [...link.childNodes].filter(node => node.nodeType === Node.TEXT_NODE).map(node => node.data).join('').trim() : '';
}

function badgeOf(item) {
  let badge = item.querySelector('.lianxin-filter-count');
  if (!badge) {
    badge = document.createElement('span');
    badge.className = 'lianxin-filter-count';
    item.querySelector('h4.name').appendChild(badge);
  }
  return badge;
}

let counting = false;
let again = false;

function countFilters() {
  const items = [...document.querySelectorAll('.task-filter')];
  if (!items.length) {
    return;
  }
  if (counting) {
    again = true;
    return;
  }
  counting = true;
  getJson('filter?resourceType=Task&itemCount=false')
    .then(filters =>
      Promise.all(
        items.map(item => {
          const filter = filters.find(candidate => candidate.name === shownName(item));
          if (!filter) {
            return null;
          }
          return getJson('filter/' + filter.id + '/count').then(result => {
            const badge = badgeOf(item);
            badge.textContent = String(result.count);
            badge.title = '共 ' + result.count + ' 个任务';
            badge.setAttribute('data-filter-id', filter.id);
            badge.style.color = (filter.properties && filter.properties.color) || '';
            badge.style.borderColor = badge.style.color;
          });
        })
      )
    )
    .catch(() => {
      // signed out meanwhile: the next change counts again
    })
    .finally(() => {
      counting = false;
      if (again) {
        again = false;
        countFilters();
      }
    });
}

let pending = null;

function countSoon() {
  window.clearTimeout(pending);
  pending = window.setTimeout(countFilters, 300);
}

function watch() {
  new MutationObserver(changes => {
    const relevant = changes.some(change => {
      const target = change.target.nodeType === Node.TEXT_NODE ? change.target.parentElement : change.target;
      const ours = [...change.addedNodes, ...change.removedNodes].every(
        node => node instanceof Element && node.classList.contains('lianxin-filter-count')
      );
      if (!(target instanceof Element) || target.closest('.lianxin-filter-count') || (change.type === 'childList' && ours)) {
        return false;
      }
      // Tasklist's counter of the filter in focus, or the filter list itself, changed
      return target.closest('.task-filter') !== null || target.querySelector('.task-filter') !== null;
    });
    if (relevant) {
      countSoon();
    }
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
  window.setInterval(countFilters, EVERY_MINUTE);
  countSoon();
}

if (document.body) {
  watch();
} else {
  document.addEventListener('DOMContentLoaded', watch);
}

export default [];
