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

/*
 * Camunda Forms (form-js) write their own few words in English and offer no way to translate them:
 * the validation messages under a field, the empty select's, the search box's and the date and time
 * fields' prompts, and the date picker's month and day names. In Chinese these are put into Chinese
 * as they appear.
 */
const FORM_TEXTS = [
  [/^Field is required\.$/, () => '必须填写。'],
  [/^Field must have minimum value of (.+)\.$/, m => `不能小于 ${m[1]}。`],
  [/^Field must have maximum value of (.+)\.$/, m => `不能大于 ${m[1]}。`],
  [/^Field must have minimum length of (\d+)\.$/, m => `至少 ${m[1]} 个字。`],
  [/^Field must have maximum length of (\d+)\.$/, m => `最多 ${m[1]} 个字。`],
  [/^Field must match pattern [\s\S]*\.$/, () => '格式不正确。'],
  [/^Field must be a valid email\.$/, () => '应为有效的电子邮箱地址。'],
  [/^Field must be a valid\s+international phone number\.[\s\S]*$/, () => '应为带国际区号的电话号码（如 +8613800000000）。'],
  [/^No results$/, () => '没有匹配的选项'],
  [/^Select$/, () => '请选择']
];
const FORM_PLACEHOLDERS = { Search: '搜索', 'yyyy-mm-dd': '年-月-日', 'hh:mm': '时:分' };

function chineseFor(text) {
  for (const [pattern, chinese] of FORM_TEXTS) {
    const match = pattern.exec(text);
    if (match) {
      return chinese(match);
    }
  }
  return null;
}

/* The element and whatever inside it matches the selector. */
function selfAndInside(element, selector) {
  return [...(element.matches(selector) ? [element] : []), ...element.querySelectorAll(selector)];
}

/* Puts form-js's English into Chinese in every form at, inside or around the changed element. */
function translateForms(element) {
  const forms = element.closest('.fjs-container') ? [element] : element.querySelectorAll('.fjs-container');
  forms.forEach(form => {
    const walker = document.createTreeWalker(form, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const chinese = chineseFor(node.data.trim());
      if (chinese) {
        node.data = chinese;
      }
    }
    selfAndInside(form, 'input[placeholder]').forEach(input => {
      const chinese = FORM_PLACEHOLDERS[input.getAttribute('placeholder')];
      if (chinese) {
        input.setAttribute('placeholder', chinese);
      }
    });
  });
}

/* The date picker of Camunda Forms (flatpickr, which the page exposes as window.flatpickr). */
const DATE_PICKER_ZH = {
  weekdays: {
    shorthand: ['日', '一', '二', '三', '四', '五', '六'],
    longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
  },
  months: {
    shorthand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
    longhand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月']
  },
  firstDayOfWeek: 1,
  rangeSeparator: ' 至 ',
  weekAbbreviation: '周',
  scrollTitle: '滚动切换',
  toggleTitle: '点击切换 12/24 小时制',
  yearAriaLabel: '年',
  monthAriaLabel: '月',
  hourAriaLabel: '时',
  minuteAriaLabel: '分',
  time_24hr: true
};
let datePickerInChinese = false;

function chineseDatePicker() {
  if (!datePickerInChinese && window.flatpickr && typeof window.flatpickr.localize === 'function') {
    window.flatpickr.localize(DATE_PICKER_ZH);
    datePickerInChinese = true;
  }
}

/*
 * Dates are typed and shown as 年-月-日 (2026-12-05) whatever the browser's language. Camunda Forms
 * (form-js) take a date field's format from the browser's own — new Intl.DateTimeFormat('default'),
 * month/day/year in an English browser, year/month/day with slashes in a Chinese one — and offer no
 * setting for it. That one question (the locale 'default', no options; nothing else on the page asks
 * it) is answered with year-month-day in digits joined by dashes; every other use of
 * Intl.DateTimeFormat is left as it is.
 */
const NativeDateTimeFormat = Intl.DateTimeFormat;

class YearMonthDay extends NativeDateTimeFormat {
  constructor() {
    super('zh-CN', { year: 'numeric', month: '2-digit', day: '2-digit' });
  }

  formatToParts(date) {
    return super.formatToParts(date).map(part => (part.type === 'literal' ? { type: 'literal', value: '-' } : part));
  }

  format(date) {
    return this.formatToParts(date)
      .map(part => part.value)
      .join('');
  }
}

function DateTimeFormat(locales, options) {
  return locales === 'default' && options === undefined ? new YearMonthDay() : new NativeDateTimeFormat(locales, options);
}
DateTimeFormat.prototype = NativeDateTimeFormat.prototype;
DateTimeFormat.supportedLocalesOf = NativeDateTimeFormat.supportedLocalesOf.bind(NativeDateTimeFormat);
Intl.DateTimeFormat = DateTimeFormat;

function startLanguage() {
  addLanguageSwitch();
  if (chosen !== 'zh') {
    return;
  }
  chineseDatePicker();
  translateForms(document.body);
  new MutationObserver(changes => {
    chineseDatePicker();
    changes.forEach(change => {
      const target = change.type === 'characterData' ? change.target.parentElement : change.target;
      if (target instanceof Element) {
        translateForms(target);
      }
    });
  }).observe(document.body, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['placeholder']
  });
}

if (document.body) {
  startLanguage();
} else {
  document.addEventListener('DOMContentLoaded', startLanguage);
}

export default [];
