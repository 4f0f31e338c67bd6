// 连心 configuration of Camunda's cockpit webapp: Simplified Chinese first, English selectable.
export default {
  app: {
    name: '流程监控',
    vendor: '连心'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  customScripts: ['../lianxin/locale', '../lianxin/permitted', '../lianxin/cockpit-texts', '../lianxin/cockpit-diagram']
};
