// 连心 configuration of Camunda's welcome webapp: Simplified Chinese first, English selectable.
export default {
  app: {
    name: '欢迎页',
    vendor: '连心'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  customScripts: ['../lianxin/locale']
};
