/*
 * 连心：表单被退回后的红色提示，在再次提交时收起，不再挡住“完成”。
 *
 * Tasklist shows a refused completion as a red message that stays until it is closed by hand, and
 * shows it at the bottom right, over 完成: a cadre who fixed the form and completed the task still
 * had the old refusal on screen, covering the button of the next task. Here a red message goes as
 * soon as the form is submitted again (a new refusal brings its own), and once a task is completed;
 * user-styles.css moves the messages to the bottom left, away from 完成 and 保存.
 */
const RED_MESSAGES = '.page-notifications .alert-danger, .page-notifications .alert-error';

/* Closes the red messages as a person does, with their own × (so Tasklist forgets them too). */
function closeRedMessages() {
  document.querySelectorAll(RED_MESSAGES).forEach(message => {
    // the notification's own ×, not the hidden one of the alert widget around it
    const close =
      message.querySelector('button.close[ng-click^="removeNotification"]') ||
      [...message.querySelectorAll('button.close')].find(button => button.offsetParent !== null);
    if (close) {
      close.click();
    } else {
      message.remove();
    }
  });
}

function isCompleteButton(element) {
  const button = element instanceof Element ? element.closest('button[type=submit]') : null;
  return button !== null && button.closest('.page-notifications, .modal') === null;
}

function watch() {
  document.addEventListener(
    'click',
    event => {
      if (isCompleteButton(event.target)) {
        closeRedMessages();
      }
    },
    true
  );
  document.addEventListener('submit', closeRedMessages, true);
  // a completed task: Tasklist's green message (or the task leaving the screen) ends the red ones
  new MutationObserver(changes => {
    const succeeded = changes.some(change =>
      [...change.addedNodes].some(
        node => node instanceof Element && node.matches('.page-notifications .alert-success, .page-notifications .alert-info')
      )
    );
    if (succeeded) {
      closeRedMessages();
    }
  }).observe(document.body, { subtree: true, childList: true });
}

if (document.body) {
  watch();
} else {
  document.addEventListener('DOMContentLoaded', watch);
}

export default [];
