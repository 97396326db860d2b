// The web form's script: every answer is in exactly one visible state — saving, saved (with the time), or
// NOT SAVED (with the reason and a retry). Answers the server has not acknowledged wait in localStorage,
// also across a reload, and are sent again until it does; a value outside its limits waits there too, unsent,
// until the engineer confirms it. Without this script the forms post as plain forms.
(function () {
  'use strict';
  var words = JSON.parse(document.getElementById('ecv-words').textContent || '{}');
  var KEY = 'ecv-unsent-answers';
  var HELD = 'ecv-unconfirmed-answers';
  var RETRY_MS = 4000;
  var TIMEOUT_MS = 20000;
  var sending = false;
  var csrf = (document.querySelector('meta[name=ecv-csrf]') || {}).content || '';

  function say(key, args) {
    return (words[key] || key).replace(/\{(\d+)\}/g, function (whole, n) {
      return args && args[n - 1] !== undefined ? args[n - 1] : whole;
    });
  }

  // --- the queue of answers not yet acknowledged -------------------------------------------------------
  function load() {
    try { return JSON.parse(localStorage.getItem(KEY)) || []; } catch (e) { return []; }
  }
  function keep(queue) {
    try { localStorage.setItem(KEY, JSON.stringify(queue)); } catch (e) { /* private mode: memory only */ }
    var banner = document.getElementById('queue');
    if (banner) {
      banner.hidden = queue.length === 0;
      banner.textContent = queue.length ? say('waiting', [queue.length]) : '';
    }
  }
  function enqueue(answer) {
    // A newer answer to the same item replaces one still waiting: only the last one counts.
    keep(load().filter(function (a) { return a.key !== answer.key; }).concat([answer]));
  }
  function drop(answer) {
    keep(load().filter(function (a) { return !(a.key === answer.key && a.stamp === answer.stamp); }));
  }

  // --- values outside their limits, waiting for the engineer's confirmation, never sent before it ----------
  function held() {
    try { return JSON.parse(localStorage.getItem(HELD)) || []; } catch (e) { return []; }
  }
  function keepHeld(list) {
    try { localStorage.setItem(HELD, JSON.stringify(list)); } catch (e) { /* private mode: memory only */ }
  }
  function hold(answer) {
    keepHeld(held().filter(function (a) { return a.key !== answer.key; }).concat([answer]));
  }
  function release(key) {
    keepHeld(held().filter(function (a) { return a.key !== key; }));
  }

  // --- what each item shows ----------------------------------------------------------------------------
  function formFor(answer) {
    return Array.prototype.find.call(document.querySelectorAll('form.answer'), function (form) {
      return form.getAttribute('action') === answer.action && form.dataset.item === answer.item;
    });
  }
  function show(form, kind, text, retry) {
    if (!form) { return; }
    var state = form.querySelector('.state');
    state.className = 'state ' + kind;
    state.textContent = text;
    if (retry) {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = say('retry');
      button.addEventListener('click', function () { submit(form, true); });
      state.appendChild(button);
    }
  }
  function applyReply(reply) {
    var verdict = document.getElementById('verdict');
    if (verdict && reply.banner) {
      verdict.className = 'banner ' + reply.banner.code;
      verdict.textContent = reply.banner.label;
      if (reply.banner.details) {
        var small = document.createElement('small');
        small.textContent = reply.banner.details;
        verdict.appendChild(small);
      }
    }
    (reply.progress || []).forEach(function (p) {
      var count = document.querySelector('[data-progress="' + p.id + '"]');
      if (count) { count.textContent = p.progress; }
      var failures = document.querySelector('[data-failures="' + p.id + '"]');
      if (failures) { failures.textContent = p.failures; }
    });
  }

  // --- sending ------------------------------------------------------------------------------------------
  // A reply the server never finishes counts as no reply: the answer stays waiting and is sent again.
  function timed(url, options) {
    var controller = new AbortController();
    var timer = setTimeout(function () { controller.abort(); }, TIMEOUT_MS);
    options.signal = controller.signal;
    return fetch(url, options).finally(function () { clearTimeout(timer); });
  }
  function post(answer, token) {
    var body = new URLSearchParams({ csrf: token, item: answer.item, value: answer.value, note: answer.note });
    return timed(answer.action, {
      method: 'POST', body: body.toString(), credentials: 'same-origin',
      headers: { 'Accept': 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' }
    }).then(function (response) {
      var type = response.headers.get('Content-Type') || '';
      if (type.indexOf('application/json') < 0) {
        return { ok: false, retry: true, message: say('unexpected', [response.status]), http: response.status };
      }
      return response.json().then(function (reply) { reply.http = response.status; return reply; },
        function () { return { ok: false, retry: true, message: say('unexpected', [response.status]) }; });
    });
  }
  function freshToken() {
    return timed('/session', { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.json(); })
      .then(function (session) { csrf = session.csrf || csrf; return csrf; });
  }
  function sendOne(answer) {
    var form = formFor(answer);
    show(form, 'saving', say('saving'));
    return post(answer, csrf).then(function (reply) {
      // After a restart the server has a new token: take it and send once more.
      if (!reply.ok && reply.http === 403) {
        return freshToken().then(function (token) { return post(answer, token); });
      }
      return reply;
    }).then(function (reply) {
      if (reply.ok) {
        drop(answer);
        if (form) {
          form.dataset.savedValue = answer.value;
          form.dataset.savedNote = answer.note;
        }
        show(form, 'saved ' + (reply.status === 'fail' ? 'fail' : ''), reply.state);
        applyReply(reply);
        return true;
      }
      if (!reply.retry) { drop(answer); }
      show(form, 'notsaved', say('notSaved', [reply.message || '?']), true);
      return reply.retry ? false : true;
    }, function () {
      show(form, 'notsaved', say('notSaved', [say('offline')]), true);
      return false;
    });
  }
  function flush() {
    if (sending) { return; }
    var queue = load();
    if (!queue.length) { return; }
    sending = true;
    // One at a time, oldest first; stop at the first the server could not take, and try again later.
    (function next(i) {
      if (i >= queue.length) { sending = false; keep(load()); return; }
      sendOne(queue[i]).then(function (done) {
        if (done) { next(i + 1); } else { sending = false; keep(load()); }
      }, function () { sending = false; keep(load()); });
    })(0);
  }

  // --- reading an item's form ---------------------------------------------------------------------------
  function valueOf(form) {
    var checked = form.querySelector('input[name=value]:checked');
    if (checked) { return checked.value; }
    var field = form.querySelector('input[name=value]:not([type=radio])');
    return field ? field.value.trim() : '';
  }
  // A number as engineers type it: decimal comma, full-width digits, a trailing unit.
  function number(text, unit) {
    var plain = text.replace(/[\uFF01-\uFF5E]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xFEE0); })
      .replace(/\u3000/g, ' ').trim().replace(',', '.');
    if (unit && plain.toLowerCase().endsWith(unit.toLowerCase())) { plain = plain.slice(0, -unit.length).trim(); }
    return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(plain) ? parseFloat(plain) : null;
  }
  function outside(form, value) {
    if (form.dataset.kind !== 'measure') { return false; }
    var n = number(value, form.dataset.unit);
    if (n === null) { return false; }
    var min = form.dataset.min === '' ? null : parseFloat(form.dataset.min);
    var max = form.dataset.max === '' ? null : parseFloat(form.dataset.max);
    return (min !== null && n < min) || (max !== null && n > max);
  }

  function keyOf(form) { return form.getAttribute('action') + '#' + form.dataset.item; }
  function askToConfirm(form, value) {
    var confirmBox = form.querySelector('.confirm');
    confirmBox.hidden = false;
    confirmBox.querySelector('.confirm-text').textContent =
      say('outside', [value + (number(value, '') === null ? '' : ' ' + form.dataset.unit), form.dataset.limits]);
    show(form, 'needs', say('unconfirmed'));
  }
  function submit(form, again) {
    var value = valueOf(form);
    var note = form.querySelector('[name=note]').value.trim();
    var confirmBox = form.querySelector('.confirm');
    if (!outside(form, value)) { release(keyOf(form)); }
    if (!value) { return; }
    if (!again && value === (form.dataset.savedValue || '') && note === (form.dataset.savedNote || '')) { return; }
    if ((value === 'fail' || value === 'na') && !note) {
      show(form, 'needs', say('needsNote'));
      form.querySelector('[name=note]').focus();
      return;
    }
    if (outside(form, value) && form.dataset.confirmed !== value) {
      // Kept in the page like an unsent answer, so that leaving the page does not lose it; sent only once confirmed.
      hold({ key: keyOf(form), action: form.getAttribute('action'), item: form.dataset.item, value: value, note: note });
      askToConfirm(form, value);
      return;
    }
    if (outside(form, value) && !note) {
      show(form, 'needs', say('needsNote'));
      form.querySelector('[name=note]').focus();
      return;
    }
    confirmBox.hidden = true;
    release(keyOf(form));
    enqueue({
      key: keyOf(form), stamp: Date.now() + Math.random(),
      action: form.getAttribute('action'), item: form.dataset.item, value: value, note: note
    });
    flush();
  }

  document.querySelectorAll('form.answer').forEach(function (form) {
    var note = form.querySelector('[name=note]');
    var timer = null;
    form.addEventListener('submit', function (event) { event.preventDefault(); submit(form, false); });
    form.querySelectorAll('[name=value]').forEach(function (field) {
      field.addEventListener('change', function () { submit(form, false); });
    });
    // The note is saved when it changes: on leaving the field, and after a pause in typing.
    note.addEventListener('change', function () { clearTimeout(timer); submit(form, false); });
    note.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { submit(form, false); }, 1500);
    });
    form.querySelector('.confirm-fail').addEventListener('click', function () {
      form.dataset.confirmed = valueOf(form);
      submit(form, false);
    });
  });

  // Answers waiting from before a reload: show them in their forms as they were entered, then send them;
  // values that wait for a confirmation ask for it again.
  function restore(answer) {
    var form = formFor(answer);
    if (!form) { return null; }
    var radio = form.querySelector('input[name=value][value="' + CSS.escape(answer.value) + '"]');
    if (radio) { radio.checked = true; } else {
      var field = form.querySelector('input[name=value]:not([type=radio])');
      if (field) { field.value = answer.value; }
    }
    form.querySelector('[name=note]').value = answer.note;
    return form;
  }
  load().forEach(function (answer) {
    var form = restore(answer);
    if (form) { show(form, 'needs', say('queued')); }
  });
  held().forEach(function (answer) {
    var form = restore(answer);
    if (form) { askToConfirm(form, answer.value); }
  });
  keep(load());
  flush();
  setInterval(flush, RETRY_MS);
  window.addEventListener('online', flush);
  window.addEventListener('focus', flush);
})();
