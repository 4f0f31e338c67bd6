/*
 * 连心：Camunda 网页（任务列表、流程监控、系统管理、欢迎页）默认使用简体中文，
 * 页面底栏正中可切换为 English，选择记在本机浏览器中。
 *
 * Camunda picks the first browser language that it has a locale file for (availableLocales in
 * each app's config.js) and offers no switch of its own. This script runs before the app starts,
 * so it answers that question with the user's choice: Chinese unless English was chosen here.
 */
const STORAGE_KEY = 'lianxin.locale';
const chosen = window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';

Object.defineProperty(window.navigator, 'languages', {
  configurable: true,
  get: () => [chosen]
});
document.documentElement.setAttribute('lang', chosen === 'zh' ? 'zh-CN' : 'en');

function addLanguageSwitch() {
  const other = chosen === 'zh' ? 'en' : 'zh';
  const link = document.createElement('a');
  link.href = '#';
  link.className = 'lianxin-locale-switch';
  link.lang = other === 'zh' ? 'zh-CN' : 'en';
  link.textContent = other === 'zh' ? '中文' : 'English';
  link.title = other === 'zh' ? '切换为中文' : 'Switch to English';
  // in the middle of the footer strip, where it covers none of the app's own buttons
  // (bottom right is where Tasklist puts 完成 and 保存)
  link.style.cssText =
    'position:fixed;left:50%;transform:translateX(-50%);bottom:2px;z-index:2000;' +
    'font-size:12px;line-height:16px;background:#fff;padding:0 8px;' +
    'border:1px solid #ccc;border-radius:3px;';
  link.addEventListener('click', event => {
    event.preventDefault();
    window.localStorage.setItem(STORAGE_KEY, other);
    window.location.reload();
  });
  document.body.appendChild(link);
}

if (document.body) {
  addLanguageSwitch();
} else {
  document.addEventListener('DOMContentLoaded', addLanguageSwitch);
}

export default [];
