// 公示栏: the "复制链接" button. Without JavaScript the link is shown as plain text to copy by hand.
for (const button of document.querySelectorAll('[data-copy-target]')) {
  const source = document.getElementById(button.dataset.copyTarget);
  const status = document.getElementById('copy-status');
  button.hidden = false;
  button.addEventListener('click', async () => {
    const url = source.textContent.trim();
    try {
      await navigator.clipboard.writeText(url);
      status.textContent = '链接已复制，可以粘贴到微信群里了。';
    } catch (refused) {
      // an insecure page or an old browser: select the address so a long press copies it
      const range = document.createRange();
      range.selectNodeContents(source);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      status.textContent = '请长按选中的链接，选择“复制”。';
    }
  });
}
