'use strict';
// Each scenario calls the API and compares what the browser allowed with what the policy on
// the server promises. A refused request rejects with a TypeError and tells the page nothing
// more: the reason is only in the browser's console, by design.

const api = new URLSearchParams(location.search).get('api') || 'http://localhost:8080';
document.getElementById('page-origin').textContent = location.origin;
document.getElementById('api-base').textContent = api;

/** fetch, turning the answer into plain data; rejects with the browser's error when refused. */
async function call(method, path, init = {}) {
  const response = await fetch(api + path, { method, ...init });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

function passed(summary) {
  return { expected: true, text: 'PASS as expected: ' + summary };
}

function blocked(error) {
  return { expected: true, text: 'BLOCKED as expected: ' + error.name + ': ' + error.message };
}

function unexpected(summary) {
  return { expected: false, text: 'UNEXPECTED: ' + summary };
}

/** For scenarios the policy allows: the request must succeed with status {@code status}. */
async function expectPass(status, request, describe) {
  let answer;
  try {
    answer = await request();
  } catch (error) {
    return unexpected('the browser refused it (' + error.name + ': ' + error.message + ')');
  }
  const summary = describe(answer);
  return answer.status === status
      ? passed(summary)
      : unexpected('status ' + answer.status + ', ' + summary);
}

/** For scenarios the policy refuses: the browser must hide the answer from the page. */
async function expectBlocked(request) {
  try {
    const answer = await request();
    return unexpected('the page could read the answer, status ' + answer.status);
  } catch (error) {
    return blocked(error);
  }
}

/** Loads probe.html in a hidden frame from {@code origin} and waits for what it reports. */
function probeFrom(origin, path) {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.className = 'probe';
    const timer = setTimeout(() => {
      cleanUp();
      reject(new Error('no answer from the frame at ' + origin));
    }, 10000);
    function onMessage(event) {
      if (event.origin === origin) {
        cleanUp();
        resolve(event.data);
      }
    }
    function cleanUp() {
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
      frame.remove();
    }
    window.addEventListener('message', onMessage);
    frame.src = origin + '/probe.html?' + new URLSearchParams(
        { api, path, parent: location.origin });
    document.body.appendChild(frame);
  });
}

const scenarios = {
  simple: () => expectPass(200, () => call('GET', '/greeting'),
      answer => 'read "' + answer.body + '"'),

  preflight: () => expectPass(200,
      () => call('PUT', '/notes/2', {
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ text: 'Written by the demo page' }),
      }),
      answer => 'stored ' + answer.body),

  expose: () => expectPass(200, () => call('GET', '/notes'),
      answer => 'X-Total-Count is ' + answer.headers.get('X-Total-Count')
          + ' (without exposeHeaders a script would read null)'),

  credentials: async () => {
    const signIn = await expectPass(200,
        () => call('POST', '/session', { credentials: 'include' }), answer => answer.body);
    if (!signIn.expected) {
      return signIn;
    }
    return expectPass(200, () => call('GET', '/session', { credentials: 'include' }),
        answer => answer.body);
  },

  patch: () => expectPass(200,
      () => call('PATCH', '/notes/1', { headers: { 'Content-Type': 'text/plain' }, body: 'demo' }),
      answer => answer.body),

  subresource: () => expectPass(200, () => call('DELETE', '/notes/1/tags'),
      answer => 'cleared: ' + answer.body),

  delete: () => expectBlocked(() => call('DELETE', '/notes/1')),

  header: () => expectBlocked(() => call('PUT', '/notes/2', {
    headers: { 'Content-Type': 'application/json', 'X-Trace': 'demo' },
    body: JSON.stringify({ text: 'Never sent' }),
  })),

  error: () => expectPass(404, () => call('GET', '/notes/999'),
      answer => 'status ' + answer.status + ' with body ' + answer.body),

  subdomain: async () => {
    const tenantOrigin = 'http://app.localhost:' + location.port;
    let fromTenant;
    try {
      fromTenant = await probeFrom(tenantOrigin, '/tenant');
    } catch (error) {
      return unexpected(error.message);
    }
    if (fromTenant.error) {
      return unexpected(
          'the frame at ' + tenantOrigin + ' was refused (' + fromTenant.error + ')');
    }
    const fromHere = await expectBlocked(() => call('GET', '/tenant'));
    if (!fromHere.expected) {
      return unexpected('this page, which is no subdomain of localhost, could read the answer');
    }
    return passed('the frame at ' + tenantOrigin + ' read "' + fromTenant.body + '", and '
        + location.origin + ' was refused');
  },

  partner: async () => {
    const partnerOrigin = 'http://shop.localhost:' + location.port;
    const change = method => expectPass(200, () => call(method, '/partners/registry/shop'),
        answer => answer.body);
    // A frame that never answers is no refusal: only the browser's TypeError counts as one.
    const refused = outcome => outcome.error && outcome.error.startsWith('TypeError');
    // Whatever an earlier run left registered.
    const cleared = await change('DELETE');
    if (!cleared.expected) {
      return cleared;
    }
    try {
      const before = await probeFrom(partnerOrigin, '/partners/news');
      if (!refused(before)) {
        return unexpected('the frame at ' + partnerOrigin + ' was not refused before it was'
            + ' added (' + (before.error || 'it read "' + before.body + '"') + ')');
      }
      const added = await change('PUT');
      if (!added.expected) {
        return added;
      }
      const during = await probeFrom(partnerOrigin, '/partners/news');
      if (during.error) {
        return unexpected('the frame at ' + partnerOrigin + ' was refused once added ('
            + during.error + ')');
      }
      const removed = await change('DELETE');
      if (!removed.expected) {
        return removed;
      }
      const after = await probeFrom(partnerOrigin, '/partners/news');
      if (!refused(after)) {
        return unexpected('the frame at ' + partnerOrigin + ' was not refused once removed ('
            + (after.error || 'it read "' + after.body + '"') + ')');
      }
      return passed('the frame at ' + partnerOrigin + ' was refused, read "' + during.body
          + '" once this page added it, and was refused again once removed');
    } catch (error) {
      return unexpected(error.message);
    } finally {
      // Left as found, whatever happened: the next run starts without the partner.
      await call('DELETE', '/partners/registry/shop').catch(() => {});
    }
  },
};

/** Runs a scenario, its button disabled meanwhile: two runs of one would interleave. */
async function run(name) {
  const button = document.getElementById('run-' + name);
  const result = document.getElementById('result-' + name);
  button.disabled = true;
  result.className = 'result';
  result.textContent = 'running...';
  try {
    const outcome = await scenarios[name]();
    result.textContent = outcome.text;
    result.className = 'result ' + (outcome.expected ? 'expected' : 'unexpected');
  } finally {
    button.disabled = false;
  }
}

for (const name of Object.keys(scenarios)) {
  document.getElementById('run-' + name).addEventListener('click', () => run(name));
}

document.getElementById('run-all').addEventListener('click', async event => {
  event.target.disabled = true;
  try {
    for (const name of Object.keys(scenarios)) {
      await run(name);
    }
  } finally {
    event.target.disabled = false;
  }
});
