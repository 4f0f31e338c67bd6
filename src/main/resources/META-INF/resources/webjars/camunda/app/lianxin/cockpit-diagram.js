/*
 * 连心：流程图上的红黄绿灯——流程监控（Cockpit）的流程定义页，在群众诉求和协商议事的每个办理环节上
 * 标出本单位未办任务按灯的件数；点击件数列出该环节的案件。
 *
 * A Cockpit diagram plugin (Camunda's ES-module plugins: render(viewer, …) gets the bpmn-js viewer):
 * reads GET /api/cockpit/diagram/{processKey} with the webapps' session (the caller's widest unit:
 * the county for a leader) and puts a badge on each user task that has open tasks — each light as
 * a coloured mark, its word and its count, with a tooltip in words, never the colour alone. A click on
 * a badge opens a panel with the cases at that node (GET …/nodes/{activityId}/cases), each number
 * linking to its instances in Cockpit. The counts are of every version of the process (node ids do
 * not change between versions). Users without a cockpit (designers) get no badges.
 */
import { call, element, lightBadge } from './tasklist-api.js';

const PROCESSES = ['appeal', 'deliberation'];
const LIGHTS = [
  ['green', 'GREEN', '正常'],
  ['yellow', 'YELLOW', '临期'],
  ['red', 'RED', '超期']
];

let panel = null;

function processKeyOf(viewer) {
  const definitions = viewer.getDefinitions && viewer.getDefinitions();
  const process = ((definitions && definitions.rootElements) || []).find(root => root.$type === 'bpmn:Process');
  return process && process.id;
}

function closePanel() {
  if (panel) {
    panel.remove();
    panel = null;
  }
}

function caseLink(processDefinitionId, trackingNo) {
  const query = JSON.stringify([{ type: 'businessKey', operator: 'eq', value: trackingNo }]);
  return '#/process-definition/' + processDefinitionId + '/runtime?searchQuery=' + encodeURIComponent(query);
}

async function showCases(processKey, processDefinitionId, node, before, list, more) {
  const path =
    '/api/cockpit/diagram/' + processKey + '/nodes/' + encodeURIComponent(node.activityId) + '/cases?size=20' +
    (before ? '&before=' + encodeURIComponent(before) : '');
  let page;
  try {
    page = await call('GET', path);
  } catch (problem) {
    list.append(element('li', 'lianxin-diagram-problem text-danger', problem.message));
    more.hidden = true;
    return;
  }
  if (!before && !page.items.length) {
    list.append(element('li', 'lianxin-diagram-empty', '该环节没有本单位的未办案件。'));
  }
  page.items.forEach(item => {
    const row = element('li', 'lianxin-diagram-case');
    const link = element('a', 'lianxin-diagram-case-no', item.trackingNo);
    link.href = caseLink(processDefinitionId, item.trackingNo);
    link.addEventListener('click', closePanel);
    row.append(
      link,
      lightBadge(item.light, item.lightLabel),
      element('span', 'lianxin-diagram-case-text', [item.categoryLabel, item.villageName].filter(Boolean).join(' · '))
    );
    list.append(row);
  });
  more.hidden = !page.hasMore;
  more.onclick = () => showCases(processKey, processDefinitionId, node, page.next, list, more);
}

function openPanel(processKey, processDefinitionId, node) {
  closePanel();
  panel = element('section', 'lianxin-diagram-panel');
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', '“' + node.name + '”的未办案件');
  const header = element('header', 'lianxin-diagram-panel-header');
  const close = element('button', 'btn btn-default btn-sm', '关闭');
  close.type = 'button';
  close.onclick = closePanel;
  header.append(element('h4', null, '“' + node.name + '”的未办案件'), close);
  const list = element('ul', 'lianxin-diagram-cases');
  const more = element('button', 'btn btn-link lianxin-diagram-more', '更多案件');
  more.type = 'button';
  more.hidden = true;
  panel.append(header, list, more);
  document.body.append(panel);
  close.focus();
  showCases(processKey, processDefinitionId, node, null, list, more);
}

function badge(processKey, processDefinitionId, node) {
  const button = element('button', 'lianxin-diagram-badge');
  button.type = 'button';
  const words = [];
  LIGHTS.forEach(([field, light, word]) => {
    if (node[field] > 0) {
      const part = lightBadge(light, word + ' ' + node[field]);
      part.setAttribute('data-light', light);
      button.append(part);
      words.push(word + ' ' + node[field] + ' 件');
    }
  });
  button.title = '“' + node.name + '”未办任务：' + words.join('，') + '。点击查看案件。';
  button.setAttribute('aria-label', button.title);
  button.setAttribute('data-activity-id', node.activityId);
  button.addEventListener('click', event => {
    event.stopPropagation();
    openPanel(processKey, processDefinitionId, node);
  });
  return button;
}

export default {
  id: 'lianxin-diagram-lights',
  pluginPoint: 'cockpit.processDefinition.diagram.plugin',
  priority: 10,
  render(viewer, { processDefinitionId }) {
    const processKey = processKeyOf(viewer);
    if (!PROCESSES.includes(processKey)) {
      return;
    }
    call('GET', '/api/cockpit/diagram/' + processKey)
      .then(diagram => {
        const overlays = viewer.get('overlays');
        const registry = viewer.get('elementRegistry');
        overlays.remove({ type: 'lianxin-lights' });
        diagram.nodes
          .filter(node => node.green + node.yellow + node.red > 0 && registry.get(node.activityId))
          .forEach(node => {
            overlays.add(node.activityId, 'lianxin-lights', {
              position: { top: -30, left: 0 },
              // readable however far the diagram is zoomed out (bpmn-js scales overlays with it)
              scale: { min: 1 },
              html: badge(processKey, processDefinitionId, node)
            });
          });
      })
      .catch(() => {
        // no cockpit for this user (a designer): Cockpit's own diagram stays as it is
      });
  },
  unmount() {
    closePanel();
  }
};
