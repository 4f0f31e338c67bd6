// 群众端: every page works without this file; it only makes forms nicer where JavaScript runs.
// (Each page's own behaviour lives in its own file under /portal/.)
document.documentElement.classList.add('js');
