// 连心 configuration of Camunda's tasklist webapp: Simplified Chinese first, English selectable.
export default {
  app: {
    name: '任务列表',
    vendor: '连心'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  // 连心's scripts: Chinese (locale), what the user may do (permitted), filter counts, toasts; and the
  // plugins for cadres: cards with lights, 办理记录, 办理操作, 群众信息, 消息/撤回/批量转派
  customScripts: [
    '../lianxin/locale',
    '../lianxin/permitted',
    '../lianxin/filter-counts',
    '../lianxin/toasts',
    '../lianxin/tasklist-card',
    '../lianxin/tasklist-timeline',
    '../lianxin/tasklist-operations',
    '../lianxin/tasklist-citizen',
    '../lianxin/tasklist-navbar'
  ],
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '将焦点移到过滤器列表的第一项'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '将焦点移到任务列表的第一项'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '将焦点移到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开发起流程对话框'
    }
  }
};
