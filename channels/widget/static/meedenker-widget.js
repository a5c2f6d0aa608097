/*! Meedenker website widget. Plain JavaScript: no framework, no build step, no CDN.
 *
 * Embed with one tag (see README, "The website widget"):
 *   <script src="https://…/widget/meedenker-widget.js" data-server="https://…" defer></script>
 *
 * Why it is built this way:
 * - It talks to the masked REST channel (channels/rest.py): every message carries a random id, so a
 *   retry after a network error is answered once, never as a second turn.
 * - Shared computers: the conversation lives in sessionStorage only (gone when the tab closes), and
 *   "Snel weg" (also Esc twice, or Shift three times) empties it, blanks the page and replaces the
 *   location so Back does not return.
 * - Screen readers: the transcript is a role="log" live region that only ever grows, so each new
 *   message is announced once; focus never moves when a message arrives. Restored messages are
 *   rendered before the widget joins the page, so a reload announces nothing.
 * - The CSP allows no inline script or style: the DOM is built with createElement and textContent
 *   (text is never parsed as HTML), colours are set through the CSSOM, the stylesheet is its own file.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || window.meedenkerWidget) {
    return;
  }
  var STORAGE_KEY = "meedenker-widget";
  var DOUBLE_PRESS_MS = 2000;
  var REQUEST_TIMEOUT_MS = 60000;
  var data = script.dataset;
  var config = {
    server: (data.server || "").replace(/\/+$/, ""),
    title: data.title || "Chat met een meedenker",
    color: /^#[0-9a-f]{6}$/i.test(data.color || "") ? data.color : "#1d4f91",
    position: data.position === "left" ? "left" : "right",
    exitUrl: httpUrl(data.exitUrl) || "https://www.google.nl",
    microphone: data.microphone !== "uit",
    stylesheet: data.stylesheet || script.src.replace(/\.js(\?.*)?$/, ".css")
  };

  var memory = {};
  var state = null;
  var exited = false;
  var inFlight = [];
  var recognition = null;
  var ui = {};

  // ---------------------------------------------------------------- helpers

  function httpUrl(value) {
    return /^https?:\/\/[^\s"<>]+$/i.test(value || "") ? value : null;
  }

  function randomId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) {
        return;
      }
      if (name === "text") {
        node.textContent = value;
      } else if (name === "class") {
        node.className = value;
      } else {
        node.setAttribute(name, value === true ? "" : value);
      }
    });
    (children || []).forEach(function (child) {
      if (child) {
        node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  function luminance(hex) {
    var channels = [1, 3, 5].map(function (i) {
      var c = parseInt(hex.substr(i, 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
  }

  /** White or black text on the municipality's colour, whichever contrasts more (always >= 4.5:1). */
  function readableOn(hex) {
    var l = luminance(hex);
    return (1.05 / (l + 0.05)) >= ((l + 0.05) / 0.05) ? "#ffffff" : "#000000";
  }

  // ---------------------------------------------------------------- storage (sessionStorage only)

  function storage() {
    try {
      return window.sessionStorage;
    } catch (error) {
      return null;
    }
  }

  function load() {
    var store = storage();
    var raw = store ? store.getItem(STORAGE_KEY) : memory[STORAGE_KEY];
    try {
      var parsed = raw ? JSON.parse(raw) : null;
      if (parsed && /^web-[0-9a-f]{32}$/.test(parsed.sender) && Array.isArray(parsed.messages)) {
        return parsed;
      }
    } catch (error) {
      // A damaged entry starts a new conversation instead of breaking the page.
    }
    return null;
  }

  function save() {
    if (exited) {
      return;
    }
    var raw = JSON.stringify(state);
    var store = storage();
    try {
      if (store) {
        store.setItem(STORAGE_KEY, raw);
        return;
      }
    } catch (error) {
      // Storage full or refused: keep the conversation for this page view only.
    }
    memory[STORAGE_KEY] = raw;
  }

  function forget() {
    var store = storage();
    try {
      if (store) {
        store.removeItem(STORAGE_KEY);
      }
    } catch (error) {
      // Nothing stored, nothing to forget.
    }
    delete memory[STORAGE_KEY];
  }

  // ---------------------------------------------------------------- text with links and phone numbers

  var TOKEN = new RegExp(
    "(https?:\\/\\/[^\\s<>\"]+|www\\.[^\\s<>\"]+|\\b[a-z0-9-]+\\.nl\\b(?:\\/[^\\s<>\"]*)?)" +
    "|(\\b0800(?:[ -]?\\d){4,7}\\b|\\b0900(?:[ -]?\\d){4,7}\\b|\\b088(?:[ -]?\\d){7}\\b|\\b11[23]\\b)",
    "gi"
  );

  function richText(text) {
    var nodes = [];
    var last = 0;
    TOKEN.lastIndex = 0;
    var match = TOKEN.exec(text);
    while (match) {
      var token = match[0];
      var start = match.index;
      if (match[1] && text.charAt(start - 1) === "@") {
        match = TOKEN.exec(text);
        continue;
      }
      if (match[1]) {
        var trail = /[.,;:!?)]+$/.exec(token);
        if (trail) {
          token = token.slice(0, -trail[0].length);
        }
      }
      nodes.push(text.slice(last, start));
      if (match[1]) {
        var href = /^https?:/i.test(token) ? token : "https://" + token;
        nodes.push(el("a", {href: href, target: "_blank", rel: "noopener noreferrer", text: token}));
      } else {
        nodes.push(el("a", {href: "tel:" + token.replace(/\D/g, ""), "class": "mdk-tel", text: token}));
      }
      last = start + token.length;
      TOKEN.lastIndex = last;
      match = TOKEN.exec(text);
    }
    nodes.push(text.slice(last));
    return nodes.filter(function (n) { return n !== ""; });
  }

  function linkHref(url) {
    return /^(tel:\+?[0-9]{3,15}|https?:\/\/[^\s"<>]+)$/i.test(url || "") ? url : null;
  }

  // ---------------------------------------------------------------- transcript

  function lastUserIndex() {
    for (var i = state.messages.length - 1; i >= 0; i -= 1) {
      if (state.messages[i].from === "user") {
        return i;
      }
    }
    return -1;
  }

  function renderMessage(message, index) {
    var isBot = message.from === "bot";
    var node = el("div", {
      "class": "mdk-msg " + (isBot ? "mdk-msg--bot" : "mdk-msg--user") + (message.crisis ? " mdk-msg--crisis" : ""),
      "data-id": message.id
    });
    node.appendChild(el("span", {"class": "mdk-sr", text: isBot ? "Computer: " : "U: "}));
    if (message.crisis) {
      node.appendChild(el("strong", {"class": "mdk-crisis-label", text: "Belangrijk: hulp bij nood"}));
    }
    node.appendChild(el("p", {"class": "mdk-text"}, isBot ? richText(message.text || "") : [message.text]));
    if (isBot) {
      renderChoices(node, message, index > lastUserIndex());
      if ("speechSynthesis" in window && message.text) {
        var speak = el("button", {type: "button", "class": "mdk-speak", text: "Lees voor"});
        speak.addEventListener("click", function () { readAloud(message.text); });
        node.appendChild(speak);
      }
    } else if (message.status === "failed") {
      node.appendChild(failedNote(message));
    }
    return node;
  }

  function renderChoices(node, message, repliesActive) {
    var links = [];
    var replies = [];
    (message.buttons || []).forEach(function (button) {
      var title = String(button.title || "");
      var href = linkHref(button.url);
      if (href) {
        var outside = /^https?:/i.test(href);
        links.push(el("a", {"class": "mdk-choice", href: href, target: outside ? "_blank" : null,
                            rel: outside ? "noopener noreferrer" : null, text: title}));
      } else if (button.payload && repliesActive) {
        var choice = el("button", {type: "button", "class": "mdk-choice", text: title});
        choice.addEventListener("click", function () { send(title, String(button.payload)); });
        replies.push(choice);
      }
    });
    if (links.length) {
      node.appendChild(el("div", {"class": "mdk-choices"}, links));
    }
    if (replies.length) {
      node.appendChild(el("div", {"class": "mdk-choices mdk-replies", role: "group", "aria-label": "Kies een antwoord"}, replies));
    }
  }

  function failedNote(message) {
    var retry = el("button", {type: "button", "class": "mdk-retry", text: "Opnieuw versturen"});
    retry.addEventListener("click", function () { deliver(message); });
    return el("p", {"class": "mdk-failed"}, [el("span", {text: "Niet verstuurd. "}), retry]);
  }

  function append(message) {
    ui.log.appendChild(renderMessage(message, state.messages.indexOf(message)));
    ui.log.scrollTop = ui.log.scrollHeight;
  }

  function dropReplies() {
    Array.prototype.forEach.call(ui.log.querySelectorAll(".mdk-replies"), function (group) {
      group.parentNode.removeChild(group);
    });
  }

  function crisisNumbers(message) {
    var found = [];
    (message.buttons || []).forEach(function (button) {
      var href = linkHref(button.url);
      if (href && /^tel:/.test(href)) {
        found.push({href: href, title: String(button.title || href.slice(4))});
      }
    });
    if (!found.length && !state.crisis.length) {
      richText(message.text || "").forEach(function (node) {
        if (node.className === "mdk-tel") {
          found.push({href: node.getAttribute("href"), title: "Bel " + node.textContent});
        }
      });
    }
    return found;
  }

  function rememberCrisis(message) {
    crisisNumbers(message).forEach(function (number) {
      var known = state.crisis.some(function (n) { return n.href === number.href; });
      if (!known) {
        state.crisis.push(number);
      }
    });
    renderCrisisBar();
  }

  function renderCrisisBar() {
    ui.crisis.textContent = "";
    if (!state.crisis.length) {
      ui.crisis.hidden = true;
      return;
    }
    ui.crisis.appendChild(el("strong", {text: "Direct hulp: "}));
    state.crisis.slice(0, 5).forEach(function (number) {
      ui.crisis.appendChild(el("a", {href: number.href, "class": "mdk-crisis-call", text: number.title}));
    });
    ui.crisis.hidden = false;
  }

  // ---------------------------------------------------------------- sending

  function setWaiting() {
    ui.wait.hidden = !state.messages.some(function (m) { return m.status === "sending"; });
  }

  function send(text, payload) {
    var clean = String(text || "").replace(/\s+$/, "").replace(/^\s+/, "");
    if (!clean) {
      ui.input.focus();
      return;
    }
    var message = {id: randomId(), from: "user", text: clean, payload: payload || null, status: "sending"};
    if (payload) {
      ui.input.focus();
    }
    dropReplies();
    state.messages.push(message);
    append(message);
    save();
    deliver(message);
  }

  function deliver(message) {
    if (exited) {
      return;
    }
    var node = ui.log.querySelector('[data-id="' + message.id + '"]');
    var note = node && node.querySelector(".mdk-failed");
    if (note) {
      if (note.contains(document.activeElement)) {
        ui.input.focus();
      }
      note.parentNode.removeChild(note);
    }
    message.status = "sending";
    setWaiting();
    var controller = "AbortController" in window ? new AbortController() : null;
    var timer = window.setTimeout(function () { if (controller) { controller.abort(); } }, REQUEST_TIMEOUT_MS);
    inFlight.push(controller);
    window.fetch(config.server + "/webhooks/rest/webhook", {
      method: "POST",
      mode: "cors",
      credentials: "omit",
      referrerPolicy: "no-referrer",
      headers: {"Content-Type": "application/json"},
      body: JSON.stringify({sender: state.sender, message: message.payload || message.text,
                            metadata: {message_id: message.id, client: "widget"}}),
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      return response.json().then(function (body) {
        return {response: response, body: body};
      }, function () {
        return {response: response, body: null};
      });
    }).then(function (result) {
      if (result.response.ok && Array.isArray(result.body)) {
        finish(message, "sent", result.body);
      } else if (result.response.status < 500 && result.body && Array.isArray(result.body.messages) &&
                 result.body.messages.length) {
        finish(message, "refused", result.body.messages);
      } else {
        fail(message);
      }
    }, function () {
      fail(message);
    }).then(function () {
      window.clearTimeout(timer);
      inFlight = inFlight.filter(function (c) { return c !== controller; });
    });
  }

  function finish(message, status, replies) {
    if (exited) {
      return;
    }
    message.status = status;
    if (status === "refused" && !ui.input.value && !message.payload) {
      ui.input.value = message.text;  // the server refused it (too long, …): nothing is lost
    }
    replies.forEach(function (reply) {
      if (!reply || (typeof reply.text !== "string" && !Array.isArray(reply.buttons))) {
        return;
      }
      var bot = {id: randomId(), from: "bot", text: reply.text || "", buttons: reply.buttons || [],
                 crisis: reply.crisis === true};
      state.messages.push(bot);
      append(bot);
      if (bot.crisis) {
        rememberCrisis(bot);
      }
    });
    setWaiting();
    save();
  }

  function fail(message) {
    if (exited) {
      return;
    }
    message.status = "failed";
    var node = ui.log.querySelector('[data-id="' + message.id + '"]');
    if (node && !node.querySelector(".mdk-failed")) {
      node.appendChild(failedNote(message));
    }
    setWaiting();
    save();
  }

  // ---------------------------------------------------------------- speech

  function readAloud(text) {
    var synth = window.speechSynthesis;
    synth.cancel();
    var utterance = new window.SpeechSynthesisUtterance(text);
    utterance.lang = "nl-NL";
    var dutch = synth.getVoices().filter(function (voice) { return /^nl(-|_|$)/i.test(voice.lang); });
    if (dutch.length) {
      utterance.voice = dutch[0];
    }
    synth.speak(utterance);
  }

  function toggleDictation() {
    if (recognition) {
      recognition.stop();
      return;
    }
    var Recognition = window.SpeechRecognition || window.webkitSpeechRecognition;
    recognition = new Recognition();
    recognition.lang = "nl-NL";
    recognition.interimResults = false;
    recognition.maxAlternatives = 1;
    recognition.onresult = function (event) {
      var said = event.results[event.results.length - 1][0].transcript;
      ui.input.value = (ui.input.value + " " + said).replace(/^\s+/, "");
    };
    recognition.onend = function () {
      recognition = null;
      ui.mic.setAttribute("aria-pressed", "false");
      ui.mic.textContent = "Inspreken";
    };
    recognition.onerror = recognition.onend;
    ui.mic.setAttribute("aria-pressed", "true");
    ui.mic.textContent = "Stop inspreken";
    recognition.start();
  }

  // ---------------------------------------------------------------- quick exit, open and close

  function quickExit(event) {
    if (event) {
      event.preventDefault();
    }
    exited = true;
    inFlight.forEach(function (controller) { if (controller) { controller.abort(); } });
    if ("speechSynthesis" in window) {
      window.speechSynthesis.cancel();
    }
    if (recognition) {
      recognition.abort();
    }
    ui.log.textContent = "";
    ui.crisis.textContent = "";
    ui.input.value = "";
    forget();
    document.body.appendChild(el("div", {"class": "mdk-blank"}));
    document.documentElement.className += " mdk-exiting";
    document.title = "";
    window.location.replace(config.exitUrl);
  }

  function setOpen(open, moveFocus) {
    state.open = open;
    ui.panel.hidden = !open;
    ui.root.classList.toggle("mdk--open", open);
    ui.launcher.setAttribute("aria-expanded", String(open));
    ui.launcher.textContent = open ? "Sluit de chat" : "Open de chat";
    save();
    if (open) {
      ui.log.scrollTop = ui.log.scrollHeight;
      if (moveFocus) {
        ui.input.focus();
      }
    } else if (moveFocus) {
      ui.launcher.focus();
    }
  }

  function setLarge(large) {
    state.large = large;
    ui.root.classList.toggle("mdk--large", large);
    ui.larger.setAttribute("aria-pressed", String(large));
    save();
  }

  function watchKeys() {
    var lastEscape = 0;
    var shiftPresses = [];
    var shiftAlone = false;
    document.addEventListener("keydown", function (event) {
      if (event.repeat) {
        return;
      }
      if (event.key === "Shift") {
        shiftAlone = true;
        return;
      }
      shiftAlone = false;
      shiftPresses = [];
      if (event.key !== "Escape") {
        lastEscape = 0;  // "twice" means twice in a row
        return;
      }
      var now = Date.now();
      if (now - lastEscape < DOUBLE_PRESS_MS) {
        quickExit(event);
        return;
      }
      lastEscape = now;
      if (state.open) {
        setOpen(false, ui.root.contains(document.activeElement));
      }
    });
    document.addEventListener("keyup", function (event) {
      if (event.key !== "Shift" || !shiftAlone) {
        return;
      }
      shiftAlone = false;
      var now = Date.now();
      shiftPresses = shiftPresses.filter(function (t) { return now - t < DOUBLE_PRESS_MS * 2; });
      shiftPresses.push(now);
      if (shiftPresses.length >= 3) {
        quickExit(event);
      }
    });
  }

  // ---------------------------------------------------------------- building the widget

  function build() {
    ui.root = el("aside", {"class": "mdk mdk--" + config.position, "aria-label": config.title, lang: "nl"});
    ui.root.style.setProperty("--mdk-color", config.color);
    ui.root.style.setProperty("--mdk-on-color", readableOn(config.color));

    ui.larger = el("button", {type: "button", "class": "mdk-head-button", "aria-pressed": "false", text: "Grotere tekst"});
    ui.close = el("button", {type: "button", "class": "mdk-head-button", text: "Sluiten"});
    ui.crisis = el("div", {"class": "mdk-crisisbar", role: "region", "aria-label": "Hulpnummers", hidden: true});
    ui.log = el("div", {"class": "mdk-log", role: "log", "aria-live": "polite", "aria-relevant": "additions",
                        "aria-label": "Gesprek", tabindex: "0"});
    ui.wait = el("p", {"class": "mdk-wait", "aria-hidden": "true", hidden: true, text: "Even geduld…"});
    // No maxlength: it would cut a pasted text silently; the REST channel explains instead.
    ui.input = el("textarea", {id: "mdk-input", "class": "mdk-input", rows: "2", autocomplete: "off",
                               placeholder: "Typ uw vraag"});
    ui.sendButton = el("button", {type: "submit", "class": "mdk-send", text: "Versturen"});
    var tools = [ui.sendButton];
    if (config.microphone && (window.SpeechRecognition || window.webkitSpeechRecognition)) {
      ui.mic = el("button", {type: "button", "class": "mdk-mic", "aria-pressed": "false", text: "Inspreken"});
      ui.mic.addEventListener("click", toggleDictation);
      tools.unshift(ui.mic);
    }
    ui.form = el("form", {"class": "mdk-form"}, [
      el("label", {"for": "mdk-input", "class": "mdk-sr", text: "Uw bericht"}),
      ui.input,
      el("div", {"class": "mdk-tools"}, tools)
    ]);
    ui.panel = el("section", {id: "mdk-panel", "class": "mdk-panel", "aria-labelledby": "mdk-title", hidden: true}, [
      el("div", {"class": "mdk-head"}, [
        el("h2", {id: "mdk-title", "class": "mdk-title", text: config.title}),
        el("div", {"class": "mdk-head-tools"}, [ui.larger, ui.close])
      ]),
      el("p", {"class": "mdk-intro", text: "U chat met een computer, niet met een mens. Wilt u een mens spreken? " +
                                          "Typ dan: ik wil een mens. Snel weg? Druk 2 keer op Esc."}),
      ui.crisis,
      ui.log,
      ui.wait,
      ui.form
    ]);
    ui.exit = el("a", {"class": "mdk-exit", href: config.exitUrl, text: "Snel weg"});
    ui.launcher = el("button", {type: "button", "class": "mdk-launcher", "aria-controls": "mdk-panel",
                                "aria-expanded": "false", text: "Open de chat"});
    ui.root.appendChild(ui.panel);
    ui.root.appendChild(el("div", {"class": "mdk-dock"}, [ui.exit, ui.launcher]));

    ui.exit.addEventListener("click", quickExit);
    ui.launcher.addEventListener("click", function () { setOpen(!state.open, true); });
    ui.close.addEventListener("click", function () { setOpen(false, true); });
    ui.larger.addEventListener("click", function () { setLarge(!state.large); });
    ui.form.addEventListener("submit", function (event) {
      event.preventDefault();
      var text = ui.input.value;
      ui.input.value = "";
      send(text, null);
    });
    ui.input.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        ui.form.requestSubmit ? ui.form.requestSubmit() : ui.sendButton.click();
      }
    });
  }

  function fresh() {
    return {sender: "web-" + randomId(), open: false, large: false, messages: [], crisis: []};
  }

  /** Back to an earlier page of the site after "Snel weg" elsewhere: the browser may show this page
   * from its back-forward cache with the old chat still drawn; the storage tells it is gone. */
  function forgetIfLeftElsewhere(event) {
    var stored = load();
    if (!event.persisted || (stored && stored.sender === state.sender)) {
      return;
    }
    state = fresh();
    ui.log.textContent = "";
    renderCrisisBar();
    setOpen(false, false);
  }

  function start() {
    state = load() || fresh();
    state.crisis = Array.isArray(state.crisis) ? state.crisis : [];
    state.messages.forEach(function (message) {
      if (message.status === "sending") {
        message.status = "failed";  // the page was reloaded before the answer came
      }
    });
    document.head.appendChild(el("link", {rel: "stylesheet", href: config.stylesheet}));
    build();
    state.messages.forEach(append);  // before the widget joins the page: nothing is announced again
    renderCrisisBar();
    setLarge(!!state.large);
    setOpen(!!state.open, false);
    setWaiting();
    document.body.appendChild(ui.root);
    ui.log.scrollTop = ui.log.scrollHeight;
    watchKeys();
    window.addEventListener("pageshow", forgetIfLeftElsewhere);
    window.meedenkerWidget = {exit: quickExit};
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
