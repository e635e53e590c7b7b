// Run in the page on a worksheet's root: the layout problems found, empty when it holds.
// Used by test_layout.py.
(root) => {
  const problems = [];
  const width = document.documentElement.clientWidth;
  const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const describe = (el) => `${el.tagName.toLowerCase()}[${el.getAttribute('for') || el.name || el.id || ''}] "${(el.textContent || '').trim().slice(0, 40)}"`;
  const labels = [...root.querySelectorAll('form label, form legend')].filter(shown);
  const controls = [...root.querySelectorAll('form input, form select, form textarea, button, .tk-file-label')].filter(shown);
  for (const el of [...labels, ...controls]) {
    const r = el.getBoundingClientRect();
    if (r.left < -0.5 || r.right > width + 0.5) problems.push(`off screen (${Math.round(r.left)}..${Math.round(r.right)} of ${width}): ${describe(el)}`);
  }
  for (const el of labels) {
    if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow !== 'visible') problems.push(`cut off: ${describe(el)}`);
  }
  for (const el of controls) {
    const r = el.getBoundingClientRect();
    if (el.type !== 'file' && (r.width < 23.5 || r.height < 23.5)) problems.push(`smaller than 24 px (${r.width}x${r.height}): ${describe(el)}`);
  }
  const boxes = controls.filter((el) => el.type !== 'file').map((el) => [el, el.getBoundingClientRect()]);
  for (const label of labels) {
    {
      const rects = [...label.getClientRects()];
      for (const a of rects) {
        for (const [el, b] of boxes) {
          if (label.contains(el) || el.contains(label)) continue;
          const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (w > 1 && h > 1) problems.push(`overlap: ${describe(label)} and ${describe(el)}`);
        }
      }
    }
  }
  return problems.slice(0, 20);
}
