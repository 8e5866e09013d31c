/* global window */
// Where the big screen reads its figures (the projects function's HTTP access path). A deploy may replace this
// file when the data is served from another domain than the page.
window.MULIN_BIGSCREEN = { api: '/bigscreen-data' };
