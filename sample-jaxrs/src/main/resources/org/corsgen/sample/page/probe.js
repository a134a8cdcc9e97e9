'use strict';
// Calls the API from this frame's own origin and posts the outcome to the page that framed it.
(async () => {
  const params = new URLSearchParams(location.search);
  let outcome;
  try {
    const response = await fetch(params.get('api') + params.get('path'));
    outcome = { status: response.status, body: await response.text() };
  } catch (error) {
    outcome = { error: error.name + ': ' + error.message };
  }
  outcome.origin = location.origin;
  window.parent.postMessage(outcome, params.get('parent'));
})();
