/**
 * Skip links (web/index.html's `a.skip-link`, the page's first Tab stop): move the keyboard focus to
 * their target without writing the fragment into the address bar, where a shared link (`#s=…`) lives.
 * Without this script the link still works as a plain same-page link.
 */
for (const link of document.querySelectorAll<HTMLAnchorElement>('a.skip-link[href^="#"]')) {
  link.addEventListener('click', (event) => {
    const target = document.getElementById(link.hash.slice(1));
    if (!target) return;
    event.preventDefault();
    if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
    target.focus();
    target.scrollIntoView({ block: 'start' });
  });
}
