// Progressive enhancement only; every page works without this file.
// A page showing a scan that is still running reloads itself every few seconds.
document.addEventListener('DOMContentLoaded', () => {
  const pending = document.querySelector('[data-refresh-seconds]');
  if (pending) {
    const seconds = Number(pending.getAttribute('data-refresh-seconds')) || 3;
    setTimeout(() => window.location.reload(), seconds * 1000);
  }
  // Ask before destructive actions marked data-confirm.
  for (const form of document.querySelectorAll('form[data-confirm]')) {
    form.addEventListener('submit', (event) => {
      if (!window.confirm(form.getAttribute('data-confirm') || '')) event.preventDefault();
    });
  }
});
