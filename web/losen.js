// Losen's chat page: plain JavaScript, no cookies, no storage; everything shown as text.
(function () {
  "use strict";
  var log = document.getElementById("log");
  var form = document.getElementById("send");
  var input = document.getElementById("text");
  var offline = document.getElementById("offline");
  var typing = document.getElementById("typing");
  var exitButton = document.getElementById("exit");
  var TEXTS = window.LOSEN_TEXTS || {};  // web/texts.js: the page's own texts in bokmål and nynorsk
  // Norwegian phone numbers: 8 digits in the usual groupings, 116 xxx, and the emergency numbers.
  var PHONE = /(\+47 ?)?(\b\d{3} ?\d{2} ?\d{3}\b|\b\d{2} ?\d{2} ?\d{2} ?\d{2}\b|\b116 ?\d{3}\b|\b11[023]\b)/g;
  var sender = newSender();
  var lastEscape = 0;
  var pending = 0;
  // The page's målform: the conversation's (each reply carries it, set by Losen's channel) until
  // the person picks one with the Bokmål | Nynorsk buttons; their pick then holds.
  var malform = "nb";
  var chosen = false;
  var greeting = null;  // the greeting bubble, rewritten on a switch while nothing else is said

  function say(key) {
    var text = TEXTS[key] || {};
    return text[malform] || text.nb || "";
  }

  // Puts every fixed text in the page's målform (the bokmål in index.html is what shows until then,
  // and stays if texts.js did not load).
  function each(selector, put) {
    Array.prototype.forEach.call(document.querySelectorAll("[" + selector + "]"), function (el) {
      var text = say(el.getAttribute(selector));
      if (text) { put(el, text); }
    });
  }

  function showTexts() {
    document.documentElement.lang = malform;
    each("data-text", function (el, text) { el.textContent = text; });
    each("data-label", function (el, text) { el.setAttribute("aria-label", text); });
    each("data-placeholder", function (el, text) { el.setAttribute("placeholder", text); });
    Array.prototype.forEach.call(document.querySelectorAll("[data-malform]"), function (el) {
      el.setAttribute("aria-pressed", String(el.getAttribute("data-malform") === malform));
    });
    if (greeting && log.childElementCount === 1 && log.firstChild === greeting) {
      greeting.querySelector(".text").textContent = "";
      greeting.querySelector(".text").appendChild(textWithLinks(say("greeting")));
      greeting.lang = malform;
    }
  }

  function setMalform(value, byPerson) {
    if (value !== "nb" && value !== "nn") { return; }
    if (byPerson) { chosen = true; } else if (chosen) { return; }
    if (value === malform) { return; }
    malform = value;
    showTexts();
  }

  function newSender() {  // random per tab, kept only in this variable
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return b.toString(16).padStart(2, "0"); }).join("");
  }

  // Text with phone numbers turned into tel: links; built from DOM nodes, never from HTML.
  function textWithLinks(text) {
    var fragment = document.createDocumentFragment();
    var last = 0;
    text.replace(PHONE, function (match, prefix, number, offset) {
      fragment.appendChild(document.createTextNode(text.slice(last, offset)));
      var link = document.createElement("a");
      link.href = "tel:" + match.replace(/\s/g, "");
      link.textContent = match;
      fragment.appendChild(link);
      last = offset + match.length;
      return match;
    });
    fragment.appendChild(document.createTextNode(text.slice(last)));
    return fragment;
  }

  function buttonRow(buttons) {
    var row = document.createElement("div");
    row.className = "buttons";
    buttons.forEach(function (button) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = button.title;
      b.addEventListener("click", function () { send(button.payload, button.title); });
      row.appendChild(b);
    });
    return row;
  }

  function show(who, text, buttons, lang) {
    var item = document.createElement("li");
    item.className = "msg " + who;
    if (lang) { item.lang = lang; }
    var label = document.createElement("span");  // tells screen readers who is speaking
    label.className = "visually-hidden";
    label.textContent = who === "bot" ? "Losen: " : "Du: ";
    var body = document.createElement("div");
    body.className = "text";
    if (who === "bot") { body.appendChild(textWithLinks(text)); } else { body.textContent = text; }
    item.appendChild(label);
    item.appendChild(body);
    if (buttons && buttons.length) { item.appendChild(buttonRow(buttons)); }
    log.appendChild(item);
    return item;
  }

  function waiting(delta) {
    pending += delta;
    typing.hidden = pending === 0;
  }

  function send(message, shown) {
    var mine = show("me", shown || message);
    mine.scrollIntoView({ block: "end" });
    var conversation = sender;
    waiting(1);
    fetch("/webhooks/rest/webhook", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      // A målform the person chose with the buttons goes with every message: Losen answers in it.
      body: JSON.stringify(chosen ? { sender: conversation, message: message, metadata: { malform: malform } }
                                  : { sender: conversation, message: message })
    }).then(function (reply) {
      if (!reply.ok) { throw new Error("status " + reply.status); }
      return reply.json();
    }).then(function (messages) {
      if (conversation !== sender) { return; }  // the conversation was deleted meanwhile
      offline.hidden = true;
      messages.forEach(function (m) {
        var said = m.metadata && m.metadata.malform;
        if (said) { setMalform(said, false); }
        if (m.text || (m.buttons && m.buttons.length)) { show("bot", m.text || "", m.buttons, said); }
      });
      // Read from the top: the person's message, then the answer's first line (often "Ring 113").
      mine.scrollIntoView({ block: "start" });
    }).catch(function () {
      if (conversation === sender) { offline.hidden = false; offline.scrollIntoView({ block: "nearest" }); }
    }).then(function () { waiting(-1); });
  }

  function submitText() {
    var text = input.value.trim();
    if (!text) { return; }
    input.value = "";
    send(text);
  }
  form.addEventListener("submit", function (event) { event.preventDefault(); submitText(); });
  input.addEventListener("keydown", function (event) {  // Enter sends, Shift+Enter makes a new line
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) { event.preventDefault(); submitText(); }
  });

  function quickExit() {
    log.textContent = "";
    input.value = "";
    // replace(): the chat does not stay in the tab's history
    window.location.replace(exitButton.getAttribute("data-exit-url"));
  }
  exitButton.addEventListener("click", quickExit);
  document.addEventListener("keydown", function (event) {  // Esc twice within a second
    if (event.key !== "Escape") { return; }
    var now = Date.now();
    if (now - lastEscape < 1000) { quickExit(); }
    lastEscape = now;
  });

  function greet() {
    greeting = say("greeting") ? show("bot", say("greeting"), null, malform) : null;
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-malform]"), function (button) {
    button.addEventListener("click", function () { setMalform(button.getAttribute("data-malform"), true); });
  });

  document.getElementById("clear").addEventListener("click", function () {
    log.textContent = "";
    input.value = "";
    offline.hidden = true;
    sender = newSender();
    if (!chosen && malform !== "nb") { malform = "nb"; showTexts(); }  // a new conversation starts in bokmål
    greet();
    input.focus();
  });

  showTexts();
  greet();
})();
