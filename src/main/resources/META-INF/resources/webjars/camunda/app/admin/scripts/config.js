// 连心 configuration of Camunda's admin webapp: Simplified Chinese first, English selectable.
export default {
  app: {
    name: '系统管理',
    vendor: '连心'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  customScripts: ['../lianxin/locale']
};
