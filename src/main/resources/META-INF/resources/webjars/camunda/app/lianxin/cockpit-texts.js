/*
 * 连心：流程监控里剩下的英文和流程标识。
 *
 * Two things Cockpit writes without its locale files: the "Actions" header of the variables table
 * (a word in Camunda's widget, not a translation key), and process keys where the process has a
 * Chinese name (the process of a decision's instances reads "appeal"). In Chinese, the header
 * reads 操作 and such a key reads as the process's name (the key stays in the tooltip). English
 * users keep Camunda's texts.
 */
const ENGINE_API = window.location.pathname.split('/camunda/')[0] + '/camunda/api/engine/engine/default/';
const KEY_CELLS = '[cam-widget-clipboard="decisionInstance.processDefinitionKey"]';

let names = null;

function processNames() {
  if (!names) {
    names = fetch(ENGINE_API + 'process-definition?latestVersion=true', {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' }
    })
      .then(response => (response.ok ? response.json() : Promise.reject(response.status)))
      .then(definitions => new Map(definitions.filter(d => d.name).map(d => [d.key, d.name])))
      .catch(() => {
        names = null;
        return new Map();
      });
  }
  return names;
}

function translate() {
  document.querySelectorAll('.cam-table thead td.actions').forEach(header => {
    [...header.childNodes]
      .filter(node => node.nodeType === Node.TEXT_NODE && node.data.trim() === 'Actions')
      .forEach(node => {
        node.data = '操作';
      });
  });
  const keyCells = [...document.querySelectorAll(KEY_CELLS)].filter(cell => !cell.hasAttribute('data-lianxin-key'));
  if (keyCells.length) {
    processNames().then(known => {
      keyCells.forEach(cell => {
        const text = [...cell.querySelectorAll('*'), cell]
          .flatMap(element => [...element.childNodes])
          .find(node => node.nodeType === Node.TEXT_NODE && known.has(node.data.trim()));
        if (text) {
          const key = text.data.trim();
          cell.setAttribute('data-lianxin-key', key);
          cell.title = key;
          text.data = known.get(key);
        }
      });
    });
  }
}

function watch() {
  if (window.localStorage.getItem('lianxin.locale') === 'en') {
    return;
  }
  let pending = null;
  new MutationObserver(() => {
    window.clearTimeout(pending);
    pending = window.setTimeout(translate, 50);
  }).observe(document.body, { subtree: true, childList: true });
  translate();
}

if (document.body) {
  watch();
} else {
  document.addEventListener('DOMContentLoaded', watch);
}

export default [];
