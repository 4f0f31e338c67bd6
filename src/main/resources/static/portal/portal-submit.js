// 我要反映: one question per screen (上一步 / 下一步) over the same form that works without this
// file. Nothing is checked here: the server checks the whole form and shows every problem.
(function () {
  const form = document.getElementById('request-form');
  if (!form) {
    return;
  }
  const steps = Array.from(form.querySelectorAll('fieldset.step'));
  let current = 0;

  function show(index, focus) {
    current = Math.max(0, Math.min(index, steps.length - 1));
    steps.forEach((step, i) => {
      step.hidden = i !== current;
    });
    const progress = form.querySelector('.step-progress');
    progress.textContent = '第 ' + (current + 1) + ' 步，共 ' + steps.length + ' 步';
    if (focus) {
      const legend = steps[current].querySelector('legend');
      legend.setAttribute('tabindex', '-1');
      legend.focus();
    }
  }

  function button(text, secondary, onClick) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    if (secondary) {
      b.className = 'secondary';
    }
    b.addEventListener('click', onClick);
    return b;
  }

  steps.forEach((step, i) => {
    const nav = document.createElement('div');
    nav.className = 'step-nav';
    if (i < steps.length - 1) {
      nav.appendChild(button('下一步', false, () => show(i + 1, true)));
    }
    if (i > 0) {
      nav.appendChild(button('上一步', true, () => show(i - 1, true)));
    }
    step.appendChild(nav);
  });
  const progress = document.createElement('p');
  progress.className = 'step-progress';
  progress.setAttribute('aria-live', 'polite');
  form.insertBefore(progress, form.firstChild);

  function stepOf(id) {
    const target = document.getElementById(id);
    return target ? steps.findIndex((step) => step.contains(target)) : -1;
  }

  // after a refused submission: start at the first question with a problem; the summary's links open their step
  const summary = document.getElementById('error-summary');
  let start = 0;
  if (summary) {
    const first = summary.querySelector('a[href^="#"]');
    start = first ? Math.max(0, stepOf(first.getAttribute('href').slice(1))) : 0;
    summary.querySelectorAll('a[href^="#"]').forEach((link) => {
      link.addEventListener('click', () => {
        const index = stepOf(link.getAttribute('href').slice(1));
        if (index >= 0) {
          show(index, false);
        }
      });
    });
  }
  form.classList.add('one-per-screen');
  show(start, false);
})();
